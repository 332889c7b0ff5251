// Stock: the low-stock list, and one product's stock (add, adjust with a note, its ledger).
import { h, Component, Field, Notice, Pager, go } from '../lib/ui.js';
import { api, newIdempotencyKey } from '../lib/api.js';
import { formatTime } from '../lib/time.js';

export class LowStock extends Component {
  constructor(props) { super(props); this.state = { threshold: '10', data: null, error: null, fields: {}, productId: '' }; }

  componentDidMount() { this.load(1); }

  async load(page, e) {
    if (e) e.preventDefault();
    try {
      const data = await api.get('get_low_stock_products', { quantity_threshold: this.state.threshold, page, per_page: 20 });
      this.setState({ data, error: null, fields: {} });
    } catch (err) {
      this.setState({ fields: err.fields, error: Object.keys(err.fields).length ? null : err.message });
    }
  }

  render(_, s) {
    return h('div', null,
      h('h1', null, 'Stock'),
      h(Notice, { kind: 'error', text: s.error }),
      h('form', { class: 'toolbar', onSubmit: e => { e.preventDefault(); if (s.productId) go('#/stock/' + encodeURIComponent(s.productId.trim())); } },
        h(Field, { id: 's-product', label: 'Product number', inputmode: 'numeric', value: s.productId, onInput: v => this.setState({ productId: v }) }),
        h('button', { class: 'button secondary', type: 'submit' }, 'Open product')),
      h('section', { class: 'panel', 'aria-labelledby': 'low-title' },
        h('h2', { id: 'low-title' }, 'Low stock'),
        h('form', { class: 'toolbar', onSubmit: e => this.load(1, e) },
          h(Field, { id: 's-threshold', label: 'At most', type: 'number', min: 0, value: s.threshold, error: s.fields.quantity_threshold, onInput: v => this.setState({ threshold: v }) }),
          h('button', { class: 'button secondary', type: 'submit' }, 'Show')),
        s.data && !s.data.products.length ? h('p', { class: 'muted' }, 'No active product is that low.') : null,
        s.data && s.data.products.length ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'low-stock' },
          h('thead', null, h('tr', null, ['#', 'Product', 'Stock', ''].map((t, i) => h('th', { scope: 'col', key: i }, t || h('span', { class: 'visually-hidden' }, 'Open'))))),
          h('tbody', null, s.data.products.map(p => h('tr', { key: p.id }, h('td', null, String(p.id)), h('td', null, p.product_name), h('td', null, String(p.quantity)),
            h('td', null, h('a', { href: '#/stock/' + p.id, 'aria-label': 'Stock of ' + p.product_name }, 'Manage'))))))) : null,
        s.data ? h(Pager, { capped: s.data.total_capped, page: s.data.page, perPage: s.data.per_page, total: s.data.total, hasMore: s.data.has_more, onPage: p => this.load(p) }) : null));
  }
}

export class ProductStock extends Component {
  constructor(props) {
    super(props);
    this.state = { product: null, movements: null, add: '', change: '', note: '', addFields: {}, adjFields: {}, error: null, notice: null };
  }

  componentDidMount() { this.load(1); }

  async load(page) {
    try {
      const [product, movements] = await Promise.all([
        api.get('get_product', { product_id: this.props.id }),
        api.get('get_inventory_movements', { product_id: this.props.id, page, per_page: 15 }),
      ]);
      this.setState({ product, movements });
    } catch (err) {
      this.setState({ error: err.status === 404 ? 'No product has this number.' : err.message });
    }
  }

  async addStock(e) {
    e.preventDefault();
    try {
      const r = await api.put('add_inventory', { product_id: Number(this.props.id), quantity: this.state.add.trim() }, { idempotencyKey: newIdempotencyKey() });
      this.setState({ add: '', addFields: {}, notice: `Added ${r.added}; stock is now ${r.quantity}.`, error: null });
      this.load(1);
    } catch (err) {
      this.setState({ addFields: err.fields, error: Object.keys(err.fields).length ? null : err.message, notice: null });
    }
  }

  async adjust(e) {
    e.preventDefault();
    try {
      const r = await api.put('adjust_inventory', { product_id: Number(this.props.id), change: this.state.change.trim(), note: this.state.note.trim() },
        { idempotencyKey: newIdempotencyKey() });
      this.setState({ change: '', note: '', adjFields: {}, notice: `Adjusted; stock is now ${r.quantity}.`, error: null });
      this.load(1);
    } catch (err) {
      const fields = { ...err.fields };
      if (err.status === 409) fields.change = `Stock cannot go below zero: there are ${err.data.quantity ?? 'fewer'} in stock.`;
      this.setState({ adjFields: fields, error: Object.keys(fields).length ? null : err.message, notice: null });
    }
  }

  render({ user }, s) {
    const p = s.product;
    return h('div', null,
      h('p', null, h('a', { href: '#/stock' }, '← Stock')),
      h('h1', null, p ? `Stock of ${p.product_name}` : 'Stock'),
      h(Notice, { kind: 'success', text: s.notice }), h(Notice, { kind: 'error', text: s.error }),
      p ? h('div', { class: 'stats' },
        h('div', { class: 'stat' }, h('p', { class: 'label' }, 'In stock'), h('p', { class: 'value', id: 'stock-quantity' }, String(p.inventory.quantity))),
        h('div', { class: 'stat' }, h('p', { class: 'label' }, 'Status'), h('p', { class: 'value' }, p.is_active ? 'On sale' : 'Inactive'))) : null,
      p ? h('div', { class: 'grid-2' },
        h('form', { class: 'panel', onSubmit: e => this.addStock(e), noValidate: true, 'aria-labelledby': 'add-title' },
          h('h2', { id: 'add-title' }, 'Add stock'),
          h(Field, { id: 'add-quantity', label: 'Quantity received', type: 'number', min: 1, value: s.add, error: s.addFields.quantity, onInput: v => this.setState({ add: v }) }),
          h('button', { class: 'button', type: 'submit' }, 'Add stock')),
        h('form', { class: 'panel', onSubmit: e => this.adjust(e), noValidate: true, 'aria-labelledby': 'adj-title' },
          h('h2', { id: 'adj-title' }, 'Adjust (count, damage, loss)'),
          h(Field, { id: 'adj-change', label: 'Change (e.g. −2 or 3)', type: 'number', value: s.change, error: s.adjFields.change, onInput: v => this.setState({ change: v }) }),
          h(Field, { id: 'adj-note', label: 'Note', value: s.note, error: s.adjFields.note, onInput: v => this.setState({ note: v }) }),
          h('button', { class: 'button', type: 'submit' }, 'Adjust stock'))) : null,
      s.movements ? h('section', { class: 'panel', 'aria-labelledby': 'mov-title' },
        h('h2', { id: 'mov-title' }, 'Movements'),
        h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'movements' },
          h('thead', null, h('tr', null, ['When', 'Change', 'Reason', 'Sale', 'Note'].map(t => h('th', { scope: 'col', key: t }, t)))),
          h('tbody', null, s.movements.movements.map(m => h('tr', { key: m.id },
            h('td', null, formatTime(m.created_at, user.timezone)), h('td', null, (m.change > 0 ? '+' : '') + m.change),
            h('td', null, m.reason), h('td', null, m.sale_id ? '#' + m.sale_id : ''), h('td', null, m.note || '')))))),
        h(Pager, { capped: s.movements.total_capped, page: s.movements.page, perPage: s.movements.per_page, total: s.movements.total, hasMore: s.movements.has_more, onPage: pg => this.load(pg) })) : null);
  }
}
