// Browsing: the product grid with its filters, and a product's page.
import { h, Component, Field, Notice, Pager, link, go } from '../lib/ui.js';
import { api } from '../lib/api.js';
import { formatMoney } from '../lib/money.js';
import { cart } from './cart.js';

const PER_PAGE = 12;
const SORTS = {
  relevance: {}, newest: { order_by: 'created_at', order: 'desc' }, 'price-asc': { order_by: 'price', order: 'asc' },
  'price-desc': { order_by: 'price', order: 'desc' }, name: { order_by: 'product_name', order: 'asc' },
};

export function stockState(quantity) {
  if (quantity <= 0) return { text: 'Sold out', kind: 'out' };
  if (quantity <= 5) return { text: `Only ${quantity} left`, kind: 'low' };
  return { text: 'In stock', kind: 'in' };
}

function Tile({ product }) {
  const initial = (product.product_name || '?').trim().charAt(0).toUpperCase();
  return h('div', { class: 'tile hue-' + (product.category_id % 6), 'aria-hidden': 'true' }, initial);
}

export class Home extends Component {
  constructor(props) {
    super(props);
    this.state = { loading: true, error: null, data: null, draft: null };
  }

  componentDidMount() { this.load(); }

  componentDidUpdate(previous) { if (previous.query !== this.props.query) this.load(); }

  filters() {
    const q = this.props.query;
    return {
      q: q.q || '', category: q.category || '', min: q.min || '', max: q.max || '',
      stock: q.stock === '1', sort: q.sort || (q.q ? 'relevance' : 'newest'), page: Math.max(1, parseInt(q.page || '1', 10) || 1),
    };
  }

  async load() {
    const f = this.filters();
    this.setState({ loading: true, error: null, draft: { min: f.min, max: f.max } });
    const sort = SORTS[f.sort] || {};
    try {
      const data = await api.get('get_products', {
        q: f.q, category_ids: f.category ? [f.category] : undefined, min_price: f.min, max_price: f.max,
        in_stock: f.stock ? 'true' : undefined, page: f.page, per_page: PER_PAGE, ...sort,
      });
      this.setState({ loading: false, data });
    } catch (e) {
      this.setState({ loading: false, error: e, data: null });
    }
  }

  apply(changes) {
    const f = { ...this.filters(), page: 1, ...changes };
    go(link('/', { q: f.q, category: f.category, min: f.min, max: f.max, stock: f.stock ? '1' : '', sort: f.sort === (f.q ? 'relevance' : 'newest') ? '' : f.sort, page: f.page > 1 ? f.page : '' }));
  }

  render({ categories }, { loading, error, data, draft }) {
    const f = this.filters();
    const fields = (error && error.fields) || {};
    const current = categories.find(c => String(c.id) === f.category);
    const title = f.q ? `Results for “${f.q}”` : current ? current.category_name : 'All products';
    return h('div', { class: 'catalog' },
      h('aside', { class: 'filters', 'aria-label': 'Filters' },
        h('h2', null, 'Categories'),
        h('ul', { class: 'categories' },
          h('li', null, h('a', { href: link('/', { q: f.q }), 'aria-current': !f.category ? 'page' : undefined }, 'All products')),
          categories.map(c => h('li', { key: c.id }, h('a', {
            href: link('/', { q: f.q, category: c.id }), 'aria-current': String(c.id) === f.category ? 'page' : undefined,
          }, c.category_name)))),
        h('form', { class: 'price-filter', onSubmit: e => { e.preventDefault(); this.apply({ min: draft.min.trim(), max: draft.max.trim() }); } },
          h('h2', null, 'Price'),
          h('div', { class: 'row' },
            h(Field, { id: 'min-price', label: 'From ($)', inputmode: 'decimal', value: draft ? draft.min : '', error: fields.min_price,
              onInput: v => this.setState({ draft: { ...draft, min: v } }) }),
            h(Field, { id: 'max-price', label: 'To ($)', inputmode: 'decimal', value: draft ? draft.max : '', error: fields.max_price,
              onInput: v => this.setState({ draft: { ...draft, max: v } }) })),
          h('button', { class: 'button secondary', type: 'submit' }, 'Apply price')),
        h(Field, { id: 'in-stock', type: 'checkbox', label: 'In stock only', value: f.stock, onInput: v => this.apply({ stock: v }) })),
      h('section', { class: 'results', 'aria-labelledby': 'results-title' },
        h('div', { class: 'results-head' },
          h('h1', { id: 'results-title' }, title),
          h(Field, { id: 'sort', label: 'Sort by', value: f.sort, onInput: v => this.apply({ sort: v }), options: [
            ...(f.q ? [{ value: 'relevance', label: 'Best match' }] : []),
            { value: 'newest', label: 'Newest' }, { value: 'price-asc', label: 'Price: low to high' },
            { value: 'price-desc', label: 'Price: high to low' }, { value: 'name', label: 'Name' }] })),
        error && !Object.keys(fields).length ? h(Notice, { kind: 'error', text: error.message }) : null,
        loading && !data ? h('p', { class: 'muted' }, 'Loading products…') : null,
        data && !data.products.length ? h('p', { class: 'empty' }, 'No products match. Try another search or fewer filters.') : null,
        data ? h('ul', { class: 'grid', 'aria-busy': loading ? 'true' : 'false' }, data.products.map(p => h(Card, { key: p.id, product: p }))) : null,
        data ? h(Pager, { capped: data.total_capped, page: data.page, perPage: data.per_page, total: data.total, hasMore: data.has_more,
          label: 'Product pages', onPage: page => this.apply({ ...f, page }) }) : null));
  }
}

function Card({ product }) {
  const stock = stockState(product.quantity);
  return h('li', { class: 'card' },
    h('a', { href: '#/product/' + product.id, class: 'card-link' },
      h(Tile, { product }),
      h('span', { class: 'card-name' }, product.product_name)),
    h('p', { class: 'card-category muted' }, product.category_name),
    h('p', { class: 'card-foot' },
      h('span', { class: 'price' }, formatMoney(product.price)),
      h('span', { class: 'stock ' + stock.kind }, stock.text)));
}

export class ProductPage extends Component {
  constructor(props) {
    super(props);
    this.state = { product: null, error: null, quantity: '1', added: null };
  }

  componentDidMount() { this.load(); }

  componentDidUpdate(previous) { if (previous.id !== this.props.id) this.load(); }

  async load() {
    this.setState({ product: null, error: null, added: null });
    try {
      const product = await api.get('get_product', { product_id: this.props.id });
      this.setState({ product });
      cart.refresh(product);
    } catch (e) {
      this.setState({ error: e });
    }
  }

  add(e) {
    e.preventDefault();
    const quantity = parseInt(this.state.quantity, 10);
    const stock = this.state.product.inventory.quantity;
    if (!(quantity >= 1 && quantity <= 10000)) {
      this.setState({ quantityError: 'Enter a quantity from 1 to 10000.' });
      return;
    }
    if (quantity > stock) {
      this.setState({ quantityError: stock ? `Only ${stock} left.` : 'This product is sold out.' });
      return;
    }
    cart.add(this.state.product, quantity);
    this.setState({ quantityError: null, added: `Added ${quantity} × ${this.state.product.product_name} to your cart.` });
  }

  render(_, { product, error, quantity, quantityError, added }) {
    if (error) {
      return h('div', { class: 'page' }, h('h1', null, error.status === 404 ? 'Product not found' : 'Could not load the product'),
        h(Notice, { kind: 'error', text: error.status === 404 ? 'This product does not exist or is no longer sold.' : error.message }),
        h('a', { href: '#/' }, '← Back to the shop'));
    }
    if (!product) return h('div', { class: 'page' }, h('h1', null, 'Loading…'));
    const stock = stockState(product.inventory.quantity);
    return h('article', { class: 'product' },
      h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
        h('a', { href: '#/' }, 'Shop'), ' / ',
        h('a', { href: link('/', { category: product.category_id }) }, product.category_name)),
      h('div', { class: 'product-body' },
        h(Tile, { product }),
        h('div', { class: 'product-info' },
          h('h1', null, product.product_name),
          h('p', { class: 'price big' }, formatMoney(product.price)),
          h('p', { class: 'stock ' + stock.kind }, stock.text),
          h('p', { class: 'description' }, product.description || 'No description.'),
          product.inventory.quantity > 0 ? h('form', { class: 'add-form', onSubmit: e => this.add(e) },
            h(Field, { id: 'quantity', label: 'Quantity', type: 'number', min: 1, max: Math.min(10000, product.inventory.quantity),
              value: quantity, error: quantityError, onInput: v => this.setState({ quantity: v }) }),
            h('button', { class: 'button', type: 'submit' }, 'Add to cart')) : null,
          h(Notice, { kind: 'success', text: added }),
          added ? h('a', { href: '#/cart', class: 'button secondary' }, 'Go to cart') : null)));
  }
}
