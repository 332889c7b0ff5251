// The storefront: header, hash routes and the signed-in user.
import { h, Component, render, currentRoute, go, link, focusHeading, Notice } from '../lib/ui.js';
import { api, session, whenUnauthorized } from '../lib/api.js';
import { LoginForm } from '../lib/login.js';
import { cart } from './cart.js';
import { Home, ProductPage } from './catalog.js';
import { CartPage } from './checkout.js';
import { Orders, Order } from './orders.js';
import { Register, Profile } from './account.js';

const SIGNED_IN_ONLY = new Set(['orders', 'account']);

class Shop extends Component {
  constructor(props) {
    super(props);
    this.state = { route: currentRoute(), user: null, ready: false, categories: [], search: currentRoute().query.q || '', notice: null };
  }

  async componentDidMount() {
    window.addEventListener('hashchange', () => this.routeChanged());
    cart.subscribe(() => this.forceUpdate());
    whenUnauthorized(() => {
      this.signedIn(null);
      const here = currentRoute().hash;
      if (!here.startsWith('#/login')) {
        this.setState({ notice: 'Please log in to continue.' });
        go(link('/login', { next: here }));
      }
    });
    api.get('get_categories', { per_page: 100, order_by: 'category_name' })
      .then(data => this.setState({ categories: data.categories })).catch(() => {});
    let user = null;
    if (session.token) {
      try { user = await api.get('get_me', null, { noRedirect: true }); } catch (e) { session.token = null; }
    }
    this.signedIn(user);
    this.setState({ ready: true });
  }

  signedIn(user) {
    cart.useOwner(user ? user.id : null);
    this.setState({ user });
  }

  routeChanged() {
    const route = currentRoute();
    this.setState({ route, search: route.path.length ? this.state.search : route.query.q || '' });
    if (route.path[0] !== 'login') this.setState({ notice: null });
    window.scrollTo(0, 0);
    focusHeading();
  }

  async logout() {
    try { await api.post('logout_user', {}, { noRedirect: true }); } catch (e) { /* the token is dropped anyway */ }
    session.token = null;
    this.signedIn(null);
    go('#/');
  }

  page() {
    const { route, user, categories } = this.state;
    const [name, id] = route.path;
    if (SIGNED_IN_ONLY.has(name) && !user) {
      return h(LoginForm, { intro: 'Log in to see this page.', onDone: u => { this.signedIn(u); this.routeChanged(); } });
    }
    switch (name) {
      case undefined: return h(Home, { query: route.query, categories });
      case 'product': return h(ProductPage, { id });
      case 'cart': return h(CartPage, { user });
      case 'login': return h('div', null, h(Notice, { kind: 'info', text: this.state.notice }),
        h(LoginForm, { onDone: u => { this.signedIn(u); go(safeNext(route.query.next)); } }),
        h('p', { class: 'form narrow muted' }, 'New here? ', h('a', { href: '#/register' }, 'Create an account')));
      case 'register': return h(Register, { onDone: u => { this.signedIn(u); go(safeNext(route.query.next)); } });
      case 'account': return h(Profile, { user, onUser: u => this.setState({ user: u }) });
      case 'orders': return id ? h(Order, { id, user }) : h(Orders, { user });
      default: return h('div', { class: 'page' }, h('h1', null, 'Page not found'), h('a', { href: '#/' }, 'Back to the shop'));
    }
  }

  render(_, { user, ready, search }) {
    const count = cart.count();
    return h('div', { class: 'app' },
      h('a', { href: '#main', class: 'skip', onClick: e => { e.preventDefault(); document.getElementById('main').focus(); } }, 'Skip to content'),
      h('header', { class: 'top' },
        h('div', { class: 'top-inner' },
          h('a', { href: '#/', class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), 'Corner Shop'),
          h('form', { role: 'search', class: 'search', onSubmit: e => { e.preventDefault(); go(link('/', { q: search.trim() })); } },
            h('label', { for: 'search', class: 'visually-hidden' }, 'Search products'),
            h('input', { id: 'search', type: 'search', placeholder: 'Search products', value: search, onInput: e => this.setState({ search: e.target.value }) }),
            h('button', { type: 'submit', class: 'button' }, 'Search')),
          h('nav', { class: 'account-nav', 'aria-label': 'Account' },
            h('a', { href: '#/cart', id: 'cart-link' }, 'Cart', h('span', { class: 'badge', id: 'cart-count' }, String(count)),
              h('span', { class: 'visually-hidden' }, count === 1 ? ' item' : ' items')),
            !ready ? null : user ? [
              h('a', { href: '#/orders', key: 'o' }, 'My purchases'),
              h('a', { href: '#/account', key: 'a' }, user.first_name),
              user.role === 'admin' ? h('a', { href: '/admin/', key: 'c' }, 'Console') : null,
              h('button', { type: 'button', class: 'link-button', key: 'l', onClick: () => this.logout() }, 'Log out'),
            ] : [h('a', { href: '#/login', key: 'i' }, 'Log in'), h('a', { href: '#/register', key: 'r' }, 'Register')]))),
      h('main', { id: 'main', tabindex: '-1' }, ready ? this.page() : h('p', { class: 'muted' }, 'Loading…')),
      h('footer', { class: 'bottom' }, h('p', null, 'Corner Shop · prices include VAT · ', h('a', { href: '/docs' }, 'API'))));
  }
}

/** Only a route of this page may follow a log-in, never another site. */
function safeNext(next) {
  return next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/';
}

render(h(Shop), document.getElementById('app'));
