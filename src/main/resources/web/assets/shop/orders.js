// My purchases: the list and one purchase, times in the user's zone.
import { h, Component, Notice, Pager } from '../lib/ui.js';
import { api } from '../lib/api.js';
import { formatMoney, times } from '../lib/money.js';
import { formatTime } from '../lib/time.js';

export class Orders extends Component {
  constructor(props) { super(props); this.state = { data: null, error: null, page: 1 }; }

  componentDidMount() { this.load(1); }

  async load(page) {
    try {
      this.setState({ data: await api.get('get_purchases', { page, per_page: 10 }), page, error: null });
    } catch (e) {
      this.setState({ error: e.message });
    }
  }

  render({ user }, { data, error }) {
    return h('div', { class: 'page' },
      h('h1', null, 'My purchases'),
      h(Notice, { kind: 'error', text: error }),
      data && !data.purchases.length ? h('p', { class: 'empty' }, 'No purchases yet.') : null,
      data ? h('ul', { class: 'orders' }, data.purchases.map(p => h('li', { key: p.id, class: 'order-row' },
        h('a', { href: '#/orders/' + p.id }, `Order #${p.id}`),
        h('span', { class: 'muted' }, formatTime(p.created_at, user.timezone)),
        h('span', null, `${p.items.reduce((n, i) => n + i.quantity, 0)} items`),
        h('strong', null, formatMoney(p.total_amount))))) : null,
      data ? h(Pager, { capped: data.total_capped, page: data.page, perPage: data.per_page, total: data.total, hasMore: data.has_more,
        label: 'Purchase pages', onPage: page => this.load(page) }) : null);
  }
}

export class Order extends Component {
  constructor(props) { super(props); this.state = { order: null, error: null }; }

  async componentDidMount() {
    try {
      this.setState({ order: await api.get('get_purchase', { purchase_id: this.props.id }) });
    } catch (e) {
      this.setState({ error: e.status === 404 ? 'This purchase does not exist.' : e.message });
    }
  }

  render({ user }, { order, error }) {
    if (error) return h('div', { class: 'page' }, h('h1', null, 'Purchase'), h(Notice, { kind: 'error', text: error }));
    if (!order) return h('div', { class: 'page' }, h('h1', null, 'Loading…'));
    return h('div', { class: 'page' },
      h('p', null, h('a', { href: '#/orders' }, '← My purchases')),
      h('h1', null, `Order #${order.id}`),
      h('p', { class: 'muted' }, 'Placed ', formatTime(order.created_at, user.timezone)),
      h('table', { class: 'lines' },
        h('caption', { class: 'visually-hidden' }, 'Products in this order'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col' }, 'Price'),
          h('th', { scope: 'col' }, 'Quantity'), h('th', { scope: 'col', class: 'num' }, 'Total'))),
        h('tbody', null, order.items.map(i => h('tr', { key: i.id },
          h('td', { 'data-label': 'Product' }, i.product_name),
          h('td', { 'data-label': 'Price' }, formatMoney(i.price_per_unit)),
          h('td', { 'data-label': 'Quantity' }, i.quantity),
          h('td', { 'data-label': 'Total', class: 'num' }, formatMoney(times(i.price_per_unit, i.quantity))))))),
      h('p', { class: 'total' }, 'Total: ', h('strong', { id: 'order-total' }, formatMoney(order.total_amount))));
  }
}
