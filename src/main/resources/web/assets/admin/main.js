// The admin console: only for administrators. The role is checked here to keep customers out of
// the pages, and every call the pages make is checked again by the API (403 for a customer).
import { h, Component, render, currentRoute, focusHeading } from '../lib/ui.js';
import { api, session, whenUnauthorized } from '../lib/api.js';
import { LoginForm } from '../lib/login.js';
import { Dashboard } from './dashboard.js';
import { Products, Categories } from './catalog.js';
import { LowStock, ProductStock } from './stock.js';
import { Purchases, Users } from './people.js';

const SECTIONS = [['dashboard', 'Dashboard'], ['products', 'Products'], ['categories', 'Categories'], ['stock', 'Stock'],
  ['purchases', 'Purchases'], ['users', 'Users']];

class Console extends Component {
  constructor(props) { super(props); this.state = { route: currentRoute(), user: null, ready: false, expired: false }; }

  async componentDidMount() {
    window.addEventListener('hashchange', () => { this.setState({ route: currentRoute() }); window.scrollTo(0, 0); focusHeading(); });
    whenUnauthorized(() => this.setState({ user: null, expired: true }));
    let user = null;
    if (session.token) {
      try { user = await api.get('get_me', null, { noRedirect: true }); } catch (e) { session.token = null; }
    }
    this.setState({ user, ready: true });
  }

  async logout() {
    try { await api.post('logout_user', {}, { noRedirect: true }); } catch (e) { /* dropped anyway */ }
    session.token = null;
    this.setState({ user: null, expired: false });
  }

  page() {
    const { route, user, expired } = this.state;
    if (!user) {
      return h(LoginForm, { title: 'Console log-in', intro: expired ? 'Your session ended. Please log in again.' : 'For the shop’s administrators.',
        onDone: u => this.setState({ user: u, expired: false }) });
    }
    if (user.role !== 'admin') {
      return h('div', { class: 'page' }, h('h1', null, 'Administrators only'),
        h('p', null, 'You are signed in as ', user.email, ', a customer account. The console is for the shop’s administrators.'),
        h('p', null, h('a', { href: '/' }, '← Back to the shop'), ' · ', h('button', { type: 'button', class: 'link-button', onClick: () => this.logout() }, 'Log in as someone else')));
    }
    const [name, id] = route.path;
    switch (name || 'dashboard') {
      case 'dashboard': return h(Dashboard, { user });
      case 'products': return h(Products, { user });
      case 'categories': return h(Categories, { user });
      case 'stock': return id ? h(ProductStock, { id, user, key: id }) : h(LowStock, { user });
      case 'purchases': return h(Purchases, { user });
      case 'users': return h(Users, { user });
      default: return h('div', null, h('h1', null, 'Page not found'), h('a', { href: '#/dashboard' }, 'Dashboard'));
    }
  }

  render(_, { ready, user, route }) {
    const current = route.path[0] || 'dashboard';
    const admin = user && user.role === 'admin';
    return h('div', { class: 'app' },
      h('a', { href: '#main', class: 'skip', onClick: e => { e.preventDefault(); document.getElementById('main').focus(); } }, 'Skip to content'),
      h('header', { class: 'top console' },
        h('div', { class: 'top-inner' },
          h('a', { href: admin ? '#/dashboard' : '/admin/', class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), 'Console'),
          admin ? h('nav', { class: 'console-nav', 'aria-label': 'Console' }, SECTIONS.map(([path, label]) =>
            h('a', { key: path, href: '#/' + path, 'aria-current': current === path ? 'page' : undefined }, label))) : h('span', { class: 'console-nav' }),
          h('nav', { class: 'account-nav', 'aria-label': 'Account' },
            h('a', { href: '/', class: 'who' }, 'Shop'),
            user ? h('button', { type: 'button', class: 'link-button', onClick: () => this.logout() }, 'Log out') : null))),
      h('main', { id: 'main', tabindex: '-1' }, ready ? this.page() : h('p', { class: 'muted' }, 'Loading…')));
  }
}

render(h(Console), document.getElementById('app'));
