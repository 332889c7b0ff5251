// All purchases with filters, and the users (search, deactivate, promote/demote).
import { h, Component, Field, Notice, Pager } from '../lib/ui.js';
import { api } from '../lib/api.js';
import { formatMoney } from '../lib/money.js';
import { formatTime } from '../lib/time.js';

export class Purchases extends Component {
  constructor(props) { super(props); this.state = { user_id: '', start: '', end: '', data: null, fields: {}, error: null }; }

  componentDidMount() { this.load(1); }

  async load(page, e) {
    if (e) e.preventDefault();
    const s = this.state;
    try {
      const data = await api.get('get_purchases', { user_id: s.user_id.trim(), start_date: s.start, end_date: s.end, page, per_page: 20 });
      this.setState({ data, fields: {}, error: null });
    } catch (err) {
      this.setState({ fields: err.fields, error: Object.keys(err.fields).length ? null : err.message });
    }
  }

  render({ user }, s) {
    const set = name => v => this.setState({ [name]: v });
    return h('div', null,
      h('h1', null, 'Purchases'),
      h(Notice, { kind: 'error', text: s.error }),
      h('form', { class: 'toolbar panel', onSubmit: e => this.load(1, e), noValidate: true },
        h(Field, { id: 'pu-user', label: 'User number', inputmode: 'numeric', value: s.user_id, error: s.fields.user_id, onInput: set('user_id') }),
        h(Field, { id: 'pu-start', label: 'From', type: 'date', value: s.start, error: s.fields.start_date, onInput: set('start') }),
        h(Field, { id: 'pu-end', label: 'To', type: 'date', value: s.end, error: s.fields.end_date, onInput: set('end') }),
        h('button', { class: 'button', type: 'submit' }, 'Filter')),
      s.data ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'purchases' },
        h('thead', null, h('tr', null, ['#', 'When', 'User', 'Items', 'Total'].map(t => h('th', { scope: 'col', key: t, class: t === 'Total' ? 'num' : '' }, t)))),
        h('tbody', null, s.data.purchases.map(p => h('tr', { key: p.id },
          h('td', null, String(p.id)), h('td', null, formatTime(p.created_at, user.timezone)), h('td', null, String(p.user_id)),
          h('td', null, p.items.map(i => `${i.quantity} × ${i.product_name}`).join(', ')),
          h('td', { class: 'num' }, formatMoney(p.total_amount))))))) : null,
      s.data ? h(Pager, { capped: s.data.total_capped, page: s.data.page, perPage: s.data.per_page, total: s.data.total, hasMore: s.data.has_more, onPage: p => this.load(p) }) : null);
  }
}

export class Users extends Component {
  constructor(props) { super(props); this.state = { q: '', role: '', active: '', data: null, page: 1, error: null, notice: null }; }

  componentDidMount() { this.load(1); }

  async load(page, e) {
    if (e) e.preventDefault();
    const s = this.state;
    try {
      const data = await api.get('get_users', { q: s.q.trim(), role: s.role, is_active: s.active, page, per_page: 20 });
      this.setState({ data, page, error: null });
    } catch (err) {
      this.setState({ error: err.message });
    }
  }

  async change(u, changes, done) {
    try {
      await api.patch('update_user', { user_id: u.id, ...changes });
      this.setState({ notice: `${u.email}: ${done}.`, error: null });
      this.load(this.state.page);
    } catch (err) {
      this.setState({ error: err.status === 409 ? 'The last active administrator cannot be deactivated or demoted.' : err.message, notice: null });
    }
  }

  render(_, s) {
    const set = name => v => this.setState({ [name]: v });
    return h('div', null,
      h('h1', null, 'Users'),
      h(Notice, { kind: 'success', text: s.notice }), h(Notice, { kind: 'error', text: s.error }),
      h('form', { class: 'toolbar panel', role: 'search', onSubmit: e => this.load(1, e) },
        h(Field, { id: 'u-q', label: 'Name or e-mail', type: 'search', value: s.q, onInput: set('q') }),
        h(Field, { id: 'u-role', label: 'Role', value: s.role, onInput: set('role'), options: [{ value: '', label: 'Any' }, { value: 'customer', label: 'Customer' }, { value: 'admin', label: 'Administrator' }] }),
        h(Field, { id: 'u-active', label: 'Status', value: s.active, onInput: set('active'), options: [{ value: '', label: 'Any' }, { value: 'true', label: 'Active' }, { value: 'false', label: 'Deactivated' }] }),
        h('button', { class: 'button', type: 'submit' }, 'Search')),
      s.data ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'users' },
        h('thead', null, h('tr', null, ['#', 'Name', 'E-mail', 'Role', 'Status', 'Actions'].map(t => h('th', { scope: 'col', key: t }, t)))),
        h('tbody', null, s.data.users.map(u => h('tr', { key: u.id },
          h('td', null, String(u.id)), h('td', null, u.first_name + ' ' + u.last_name), h('td', null, u.email), h('td', null, u.role),
          h('td', null, h('span', { class: 'status ' + (u.is_active ? 'on' : 'off') }, u.is_active ? 'Active' : 'Deactivated')),
          h('td', null, h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'button ' + (u.is_active ? 'danger' : 'secondary'), 'aria-label': (u.is_active ? 'Deactivate ' : 'Activate ') + u.email,
              onClick: () => this.change(u, { is_active: !u.is_active }, u.is_active ? 'deactivated' : 'activated') }, u.is_active ? 'Deactivate' : 'Activate'),
            h('button', { type: 'button', class: 'button secondary', 'aria-label': (u.role === 'admin' ? 'Demote ' : 'Promote ') + u.email,
              onClick: () => this.change(u, { role: u.role === 'admin' ? 'customer' : 'admin' }, u.role === 'admin' ? 'now a customer' : 'now an administrator') },
              u.role === 'admin' ? 'Make customer' : 'Make admin')))))))) : null,
      s.data ? h(Pager, { capped: s.data.total_capped, page: s.data.page, perPage: s.data.per_page, total: s.data.total, hasMore: s.data.has_more, onPage: p => this.load(p) }) : null);
  }
}
