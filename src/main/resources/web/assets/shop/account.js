// Registration and the profile page (names, time zone, password).
import { h, Component, Field, Notice } from '../lib/ui.js';
import { api, session } from '../lib/api.js';
import { browserZone, zones } from '../lib/time.js';

const ZONE_OPTIONS = () => zones().map(z => ({ value: z, label: z }));

export class Register extends Component {
  constructor(props) {
    super(props);
    this.state = { first_name: '', last_name: '', email: '', password: '', timezone: browserZone(), fields: {}, error: null, busy: false };
  }

  async submit(e) {
    e.preventDefault();
    if (this.state.busy) return;
    const { first_name, last_name, email, password, timezone } = this.state;
    this.setState({ busy: true, error: null, fields: {} });
    try {
      await api.put('register_user', { first_name: first_name.trim(), last_name: last_name.trim(), email: email.trim(), password, timezone });
      const login = await api.post('login_user', { email: email.trim(), password }, { noRedirect: true });
      session.token = login.access_token;
      this.props.onDone(await api.get('get_me'));
    } catch (err) {
      const fields = { ...err.fields };
      if (/email already exists/i.test(err.message)) fields.email = 'An account with this e-mail exists already. Log in instead.';
      this.setState({ busy: false, fields, error: Object.keys(fields).length ? 'Please correct the fields marked below.' : err.message });
    }
  }

  render(_, s) {
    const set = name => v => this.setState({ [name]: v });
    return h('form', { class: 'form narrow', onSubmit: e => this.submit(e), noValidate: true },
      h('h1', null, 'Create your account'),
      h(Notice, { kind: 'error', text: s.error }),
      h('div', { class: 'row' },
        h(Field, { id: 'first_name', label: 'First name', autocomplete: 'given-name', value: s.first_name, error: s.fields.first_name, onInput: set('first_name') }),
        h(Field, { id: 'last_name', label: 'Last name', autocomplete: 'family-name', value: s.last_name, error: s.fields.last_name, onInput: set('last_name') })),
      h(Field, { id: 'email', label: 'E-mail', type: 'email', autocomplete: 'email', value: s.email, error: s.fields.email, onInput: set('email') }),
      h(Field, { id: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', value: s.password,
        hint: 'At least 8 characters.', error: s.fields.password, onInput: set('password') }),
      h(Field, { id: 'timezone', label: 'Time zone', value: s.timezone, error: s.fields.timezone, onInput: set('timezone'), options: ZONE_OPTIONS() }),
      h('button', { class: 'button', type: 'submit', disabled: s.busy }, s.busy ? 'Creating…' : 'Create account'),
      h('p', { class: 'muted' }, 'Have an account? ', h('a', { href: '#/login' }, 'Log in')));
  }
}

export class Profile extends Component {
  constructor(props) {
    super(props);
    const u = props.user;
    this.state = { first_name: u.first_name, last_name: u.last_name, timezone: u.timezone, fields: {}, saved: null, error: null,
      current: '', next: '', pwFields: {}, pwSaved: null, pwError: null };
  }

  async save(e) {
    e.preventDefault();
    const { first_name, last_name, timezone } = this.state;
    this.setState({ fields: {}, saved: null, error: null });
    try {
      const user = await api.patch('update_me', { first_name: first_name.trim(), last_name: last_name.trim(), timezone });
      this.props.onUser(user);
      this.setState({ saved: 'Your details are saved.' });
    } catch (err) {
      this.setState({ fields: err.fields, error: Object.keys(err.fields).length ? null : err.message });
    }
  }

  async changePassword(e) {
    e.preventDefault();
    this.setState({ pwFields: {}, pwSaved: null, pwError: null });
    try {
      await api.post('change_password', { current_password: this.state.current, new_password: this.state.next });
      this.setState({ current: '', next: '', pwSaved: 'Your password is changed. Other sessions are signed out.' });
    } catch (err) {
      const fields = { ...err.fields };
      if (err.status === 422 && !Object.keys(fields).length) fields.current_password = err.message;
      this.setState({ pwFields: fields, pwError: Object.keys(fields).length ? null : err.message });
    }
  }

  render({ user }, s) {
    const set = name => v => this.setState({ [name]: v });
    return h('div', { class: 'page profile' },
      h('h1', null, 'My profile'),
      h('p', { class: 'muted' }, 'Signed in as ', user.email),
      h('div', { class: 'two-col' },
        h('form', { class: 'form', onSubmit: e => this.save(e), noValidate: true, 'aria-labelledby': 'details-title' },
          h('h2', { id: 'details-title' }, 'Your details'),
          h(Notice, { kind: 'error', text: s.error }), h(Notice, { kind: 'success', text: s.saved }),
          h(Field, { id: 'p-first', label: 'First name', value: s.first_name, error: s.fields.first_name, onInput: set('first_name') }),
          h(Field, { id: 'p-last', label: 'Last name', value: s.last_name, error: s.fields.last_name, onInput: set('last_name') }),
          h(Field, { id: 'p-zone', label: 'Time zone', value: s.timezone, error: s.fields.timezone, onInput: set('timezone'), options: ZONE_OPTIONS() }),
          h('button', { class: 'button', type: 'submit' }, 'Save details')),
        h('form', { class: 'form', onSubmit: e => this.changePassword(e), noValidate: true, 'aria-labelledby': 'password-title' },
          h('h2', { id: 'password-title' }, 'Change password'),
          h(Notice, { kind: 'error', text: s.pwError }), h(Notice, { kind: 'success', text: s.pwSaved }),
          h(Field, { id: 'current-password', label: 'Current password', type: 'password', autocomplete: 'current-password',
            value: s.current, error: s.pwFields.current_password, onInput: set('current') }),
          h(Field, { id: 'new-password', label: 'New password', type: 'password', autocomplete: 'new-password',
            value: s.next, hint: 'At least 8 characters.', error: s.pwFields.new_password, onInput: set('next') }),
          h('button', { class: 'button', type: 'submit' }, 'Change password'))));
  }
}
