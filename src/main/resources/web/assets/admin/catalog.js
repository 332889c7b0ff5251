// Products (with inactive ones) and categories.
import { h, Component, Field, Notice, Pager } from '../lib/ui.js';
import { api, newIdempotencyKey } from '../lib/api.js';
import { formatMoney } from '../lib/money.js';

const EMPTY = { id: null, product_name: '', description: '', category_id: '', price: '', is_active: true };

export class Products extends Component {
  constructor(props) {
    super(props);
    this.state = { q: '', page: 1, data: null, categories: [], form: null, fields: {}, error: null, notice: null };
  }

  componentDidMount() {
    this.load(1);
    api.get('get_categories', { per_page: 100, order_by: 'category_name' }).then(d => this.setState({ categories: d.categories })).catch(() => {});
  }

  async load(page, e) {
    if (e) e.preventDefault();
    try {
      const data = await api.get('get_products', { include_inactive: true, q: this.state.q.trim(), page, per_page: 20, order_by: 'id', order: 'desc' });
      this.setState({ data, page, error: null });
    } catch (err) {
      this.setState({ error: err.message });
    }
  }

  edit(product) {
    this.setState({ form: product ? { ...EMPTY, ...product, description: product.description || '' } : { ...EMPTY }, fields: {}, notice: null, error: null });
  }

  async save(e) {
    e.preventDefault();
    const f = this.state.form;
    const body = { product_name: f.product_name.trim(), description: f.description.trim() || null, category_id: f.category_id ? Number(f.category_id) : undefined,
      price: f.price.trim(), is_active: f.is_active };
    try {
      const saved = f.id
        ? await api.patch('update_product', { product_id: f.id, ...body }, { idempotencyKey: newIdempotencyKey() })
        : await api.put('create_product', body, { idempotencyKey: newIdempotencyKey() });
      this.setState({ form: null, notice: `Saved “${saved.product_name}”.` });
      this.load(f.id ? this.state.page : 1);
    } catch (err) {
      const fields = { ...err.fields };
      if (err.status === 404) fields.category_id = err.message;
      this.setState({ fields, error: Object.keys(fields).length ? null : err.message });
    }
  }

  async setActive(product, active) {
    try {
      await api.patch('update_product', { product_id: product.id, is_active: active });
      this.setState({ notice: `“${product.product_name}” is ${active ? 'on sale again' : 'no longer sold'}.` });
      this.load(this.state.page);
    } catch (err) {
      this.setState({ error: err.message });
    }
  }

  render(_, s) {
    const f = s.form;
    const set = name => v => this.setState({ form: { ...f, [name]: v } });
    return h('div', null,
      h('h1', null, 'Products'),
      h(Notice, { kind: 'success', text: s.notice }),
      h(Notice, { kind: 'error', text: s.error }),
      f ? h('form', { class: 'panel', id: 'product-form', onSubmit: e => this.save(e), noValidate: true, 'aria-labelledby': 'product-form-title' },
        h('h2', { id: 'product-form-title' }, f.id ? `Edit product #${f.id}` : 'New product'),
        h('div', { class: 'row' },
          h(Field, { id: 'p-name', label: 'Name', value: f.product_name, error: s.fields.product_name, onInput: set('product_name') }),
          h(Field, { id: 'p-price', label: 'Price ($)', inputmode: 'decimal', value: f.price, error: s.fields.price, onInput: set('price') }),
          h(Field, { id: 'p-category', label: 'Category', value: String(f.category_id || ''), error: s.fields.category_id, onInput: set('category_id'),
            options: [{ value: '', label: 'Choose…' }, ...s.categories.map(c => ({ value: String(c.id), label: c.category_name }))] })),
        h(Field, { id: 'p-description', label: 'Description', type: 'textarea', value: f.description, error: s.fields.description, onInput: set('description') }),
        h(Field, { id: 'p-active', label: 'On sale (shown in the shop)', type: 'checkbox', value: f.is_active, onInput: set('is_active') }),
        h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit' }, f.id ? 'Save product' : 'Create product'),
          h('button', { class: 'button secondary', type: 'button', onClick: () => this.setState({ form: null }) }, 'Cancel')))
        : null,
      h('form', { class: 'toolbar', role: 'search', onSubmit: e => this.load(1, e) },
        h(Field, { id: 'p-q', label: 'Search products', type: 'search', value: s.q, onInput: v => this.setState({ q: v }) }),
        h('button', { class: 'button secondary', type: 'submit' }, 'Search'),
        h('button', { class: 'button', type: 'button', id: 'new-product', onClick: () => this.edit(null) }, 'New product')),
      s.data ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'products' },
        h('thead', null, h('tr', null, ['#', 'Name', 'Category', 'Price', 'Stock', 'Status', 'Actions'].map(t => h('th', { scope: 'col', key: t }, t)))),
        h('tbody', null, s.data.products.map(p => h('tr', { key: p.id },
          h('td', null, String(p.id)), h('td', null, p.product_name), h('td', null, p.category_name),
          h('td', null, formatMoney(p.price)), h('td', null, String(p.quantity)),
          h('td', null, h('span', { class: 'status ' + (p.is_active ? 'on' : 'off') }, p.is_active ? 'On sale' : 'Inactive')),
          h('td', null, h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'button secondary', onClick: () => this.edit(p), 'aria-label': 'Edit ' + p.product_name }, 'Edit'),
            h('a', { class: 'button secondary', href: '#/stock/' + p.id, 'aria-label': 'Stock of ' + p.product_name }, 'Stock'),
            h('button', { type: 'button', class: 'button ' + (p.is_active ? 'danger' : 'secondary'), onClick: () => this.setActive(p, !p.is_active),
              'aria-label': (p.is_active ? 'Deactivate ' : 'Reactivate ') + p.product_name }, p.is_active ? 'Deactivate' : 'Reactivate')))))))) : null,
      s.data ? h(Pager, { capped: s.data.total_capped, page: s.data.page, perPage: s.data.per_page, total: s.data.total, hasMore: s.data.has_more, onPage: p => this.load(p) }) : null);
  }
}

export class Categories extends Component {
  constructor(props) { super(props); this.state = { data: null, form: null, fields: {}, error: null, notice: null }; }

  componentDidMount() { this.load(); }

  async load() {
    try {
      this.setState({ data: await api.get('get_categories', { per_page: 100, order_by: 'category_name' }) });
    } catch (err) {
      this.setState({ error: err.message });
    }
  }

  async save(e) {
    e.preventDefault();
    const f = this.state.form;
    const body = { category_name: f.category_name.trim(), category_slug: f.category_slug.trim() };
    try {
      if (f.id) await api.patch('update_category', { category_id: f.id, ...body });
      else await api.put('create_category', body, { idempotencyKey: newIdempotencyKey() });
      this.setState({ form: null, fields: {}, error: null, notice: `Saved “${body.category_name}”.` });
      this.load();
    } catch (err) {
      const fields = { ...err.fields };
      if (/slug already exists/i.test(err.message)) fields.category_slug = 'Another category has this slug.';
      this.setState({ fields, error: Object.keys(fields).length ? null : err.message });
    }
  }

  async remove(c) {
    try {
      await api.del('delete_category', { category_id: c.id });
      this.setState({ notice: `Deleted “${c.category_name}”.`, error: null });
      this.load();
    } catch (err) {
      this.setState({ error: err.status === 409 ? `“${c.category_name}” still has products: move or retire them first.` : err.message, notice: null });
    }
  }

  render(_, s) {
    const f = s.form;
    const set = name => v => this.setState({ form: { ...f, [name]: v } });
    return h('div', null,
      h('h1', null, 'Categories'),
      h(Notice, { kind: 'success', text: s.notice }), h(Notice, { kind: 'error', text: s.error }),
      f ? h('form', { class: 'panel', onSubmit: e => this.save(e), noValidate: true, 'aria-labelledby': 'cat-form-title' },
        h('h2', { id: 'cat-form-title' }, f.id ? `Edit category #${f.id}` : 'New category'),
        h('div', { class: 'row' },
          h(Field, { id: 'c-name', label: 'Name', value: f.category_name, error: s.fields.category_name, onInput: set('category_name') }),
          h(Field, { id: 'c-slug', label: 'Slug', value: f.category_slug, error: s.fields.category_slug, hint: 'Lower-case letters, digits and dashes.', onInput: set('category_slug') })),
        h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit' }, 'Save category'),
          h('button', { class: 'button secondary', type: 'button', onClick: () => this.setState({ form: null, fields: {} }) }, 'Cancel')))
        : h('p', null, h('button', { class: 'button', type: 'button', onClick: () => this.setState({ form: { category_name: '', category_slug: '' }, fields: {} }) }, 'New category')),
      s.data ? h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', null,
        h('thead', null, h('tr', null, ['#', 'Name', 'Slug', 'Actions'].map(t => h('th', { scope: 'col', key: t }, t)))),
        h('tbody', null, s.data.categories.map(c => h('tr', { key: c.id }, h('td', null, String(c.id)), h('td', null, c.category_name), h('td', null, c.category_slug),
          h('td', null, h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'button secondary', onClick: () => this.setState({ form: { ...c }, fields: {} }), 'aria-label': 'Edit ' + c.category_name }, 'Edit'),
            h('button', { type: 'button', class: 'button danger', onClick: () => this.remove(c), 'aria-label': 'Delete ' + c.category_name }, 'Delete')))))))) : null);
  }
}
