// The cart and checkout. One Idempotency-Key per checkout attempt: it is kept (in this tab's
// sessionStorage) until the server has answered for certain, so that a double click, a reload
// or a retry after a network error replays the same purchase instead of buying twice.
import { h, Component, Field, Notice, go, link } from '../lib/ui.js';
import { api, newIdempotencyKey } from '../lib/api.js';
import { formatMoney, times } from '../lib/money.js';
import { cart } from './cart.js';

const ATTEMPT_KEY = 'ecommerce.checkout-attempt';
const REASONS = {
  product_not_found: 'No longer sold',
  product_inactive: 'No longer sold',
  insufficient_stock: 'Not enough stock',
};

function attemptFor(body) {
  let attempt = null;
  try { attempt = JSON.parse(sessionStorage.getItem(ATTEMPT_KEY) || 'null'); } catch (e) { attempt = null; }
  if (!attempt || attempt.body !== body) {
    attempt = { key: newIdempotencyKey(), body };
    sessionStorage.setItem(ATTEMPT_KEY, JSON.stringify(attempt));
  }
  return attempt;
}

export class CartPage extends Component {
  constructor(props) {
    super(props);
    this.state = { problems: {}, message: null, error: null, busy: false, order: null };
    this.inFlight = false;
  }

  componentDidMount() {
    this.unsubscribe = cart.subscribe(() => this.forceUpdate());
    this.refresh();
  }

  componentWillUnmount() { this.unsubscribe(); }

  /** Current price and stock of each line; a product gone from the shop is flagged, not dropped. */
  async refresh() {
    const problems = {};
    await Promise.all(cart.lines().map(async line => {
      try {
        const product = await api.get('get_product', { product_id: line.product_id });
        cart.refresh(product);
        const stock = product.inventory.quantity;
        if (stock <= 0) problems[line.product_id] = 'Sold out';
        else if (stock < line.quantity) problems[line.product_id] = `Only ${stock} left`;
      } catch (e) {
        if (e.status === 404) problems[line.product_id] = 'No longer sold';
      }
    }));
    this.setState({ problems });
  }

  async checkout() {
    if (this.inFlight) return; // a second click while the first is on its way
    if (!this.props.user) {
      go(link('/login', { next: '#/cart' }));
      return;
    }
    const lines = cart.lines();
    if (!lines.length) return;
    const items = lines.map(l => ({ product_id: l.product_id, quantity: l.quantity }));
    const body = JSON.stringify(items);
    const attempt = attemptFor(body);
    this.inFlight = true;
    this.setState({ busy: true, error: null, message: null, order: null });
    try {
      const sale = await api.post('purchase_products', { items }, { idempotencyKey: attempt.key });
      sessionStorage.removeItem(ATTEMPT_KEY);
      cart.bought(sale.purchased_items);
      this.setState({ order: sale, problems: reasons(sale.failed_items) });
    } catch (e) {
      if (e.status !== 0 && e.status !== 503 && e.status !== 504) sessionStorage.removeItem(ATTEMPT_KEY);
      if (e.status === 409 && e.data.failed_items) {
        this.setState({ problems: reasons(e.data.failed_items), error: 'Nothing could be bought: see the lines marked below.' });
      } else {
        this.setState({ error: e.message });
      }
    } finally {
      this.inFlight = false;
      this.setState({ busy: false });
    }
  }

  render({ user }, { problems, error, busy, order }) {
    const lines = cart.lines();
    return h('div', { class: 'page cart-page' },
      h('h1', null, 'Your cart'),
      order ? h('div', { class: 'notice success', role: 'status' },
        h('p', null, `Thank you! Order #${order.id} is placed: ${formatMoney(order.total_amount)}.`),
        order.failed_items.length ? h('p', null, 'Some lines could not be bought and are still in your cart.') : null,
        h('a', { href: '#/orders/' + order.id }, 'See the order')) : null,
      h(Notice, { kind: 'error', text: error }),
      !lines.length ? h('div', { class: 'empty' }, h('p', null, 'Your cart is empty.'), h('a', { href: '#/', class: 'button' }, 'Browse products')) : h('div', null,
        h('table', { class: 'lines' },
          h('caption', { class: 'visually-hidden' }, 'Products in your cart'),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col' }, 'Price'),
            h('th', { scope: 'col' }, 'Quantity'), h('th', { scope: 'col', class: 'num' }, 'Total'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')))),
          h('tbody', null, lines.map(line => h('tr', { key: line.product_id, class: problems[line.product_id] ? 'has-problem' : '' },
            h('td', { 'data-label': 'Product' },
              h('a', { href: '#/product/' + line.product_id }, line.product_name),
              problems[line.product_id] ? h('p', { class: 'error line-problem' }, problems[line.product_id]) : null),
            h('td', { 'data-label': 'Price' }, formatMoney(line.price)),
            h('td', { 'data-label': 'Quantity' }, h('input', {
              type: 'number', min: 1, max: 10000, value: line.quantity, class: 'qty', 'aria-label': 'Quantity of ' + line.product_name,
              onChange: e => cart.setQuantity(line.product_id, parseInt(e.target.value, 10) || 1),
            })),
            h('td', { 'data-label': 'Total', class: 'num' }, formatMoney(times(line.price, line.quantity))),
            h('td', null, h('button', { type: 'button', class: 'link-button', onClick: () => cart.remove(line.product_id),
              'aria-label': 'Remove ' + line.product_name }, 'Remove')))))),
        h('div', { class: 'checkout-bar' },
          h('p', { class: 'total' }, 'Total: ', h('strong', { id: 'cart-total' }, formatMoney(cart.total()))),
          h('button', { type: 'button', class: 'button big', id: 'checkout', disabled: busy, onClick: () => this.checkout() },
            busy ? 'Placing your order…' : user ? 'Place order' : 'Log in to order'))));
  }
}

function reasons(failed) {
  const out = {};
  for (const item of failed || []) out[item.product_id] = REASONS[item.reason] || item.reason;
  return out;
}
