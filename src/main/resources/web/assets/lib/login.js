// The log-in form of both pages.
import { h, Component, Field, Notice } from './ui.js';
import { api, session } from './api.js';

export class LoginForm extends Component {
  constructor(props) { super(props); this.state = { email: '', password: '', fields: {}, error: null, busy: false }; }

  async submit(e) {
    e.preventDefault();
    if (this.state.busy) return;
    this.setState({ busy: true, error: null, fields: {} });
    try {
      const data = await api.post('login_user', { email: this.state.email.trim(), password: this.state.password }, { noRedirect: true });
      session.token = data.access_token;
      const me = await api.get('get_me');
      this.props.onDone(me);
    } catch (err) {
      const fields = err.fields || {};
      const known = fields.email || fields.password;
      this.setState({ busy: false, fields, error: known ? null : err.message });
    }
  }

  render({ title = 'Log in', intro }, { email, password, fields, error, busy }) {
    return h('form', { class: 'form narrow', onSubmit: e => this.submit(e), noValidate: true },
      h('h1', null, title),
      intro ? h('p', { class: 'muted' }, intro) : null,
      h(Notice, { kind: 'error', text: error }),
      h(Field, { id: 'login-email', label: 'E-mail', type: 'email', autocomplete: 'username', value: email, error: fields.email,
        onInput: v => this.setState({ email: v }) }),
      h(Field, { id: 'login-password', label: 'Password', type: 'password', autocomplete: 'current-password', value: password,
        error: fields.password, onInput: v => this.setState({ password: v }) }),
      h('button', { class: 'button', type: 'submit', disabled: busy }, busy ? 'Logging in…' : 'Log in'));
  }
}
