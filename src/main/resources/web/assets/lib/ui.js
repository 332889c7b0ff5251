// Small building blocks shared by the storefront and the console. Everything from the server is
// passed to Preact as a child (text), never as HTML: Preact escapes it.
import { h, Component, render, Fragment } from '/vendor/preact.js';

export { h, Component, render, Fragment };

let ids = 0;
export function uid(prefix) { ids += 1; return (prefix || 'f') + ids; }

/** A labelled input with its error sentence beside it (tied together for screen readers). */
export function Field(props) {
  const { label, id, error, hint, type = 'text', value, onInput, options, ...rest } = props;
  const describedBy = [error ? id + '-error' : null, hint ? id + '-hint' : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id, name: id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy,
    onInput: e => onInput && onInput(type === 'checkbox' ? e.target.checked : e.target.value), ...rest,
  };
  let control;
  if (options) {
    control = h('select', { ...common, value, onChange: common.onInput, onInput: undefined },
      options.map(o => h('option', { value: o.value, key: o.value }, o.label)));
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, value });
  } else if (type === 'checkbox') {
    return h('div', { class: 'field checkbox' + (error ? ' has-error' : '') },
      h('input', { ...common, type, checked: !!value, onChange: common.onInput, onInput: undefined }),
      h('label', { for: id }, label),
      error ? h('p', { class: 'error', id: id + '-error' }, error) : null);
  } else {
    control = h('input', { ...common, type, value });
  }
  return h('div', { class: 'field' + (error ? ' has-error' : '') },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: id + '-hint' }, hint) : null,
    error ? h('p', { class: 'error', id: id + '-error' }, error) : null);
}

/** A message for the whole form or page. */
export function Notice({ kind = 'info', text }) {
  if (!text) return null;
  return h('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Previous / next paging with the position in words. */
export function Pager({ page, perPage, total, capped, hasMore, onPage, label = 'Pages' }) {
  if (!total && page === 1) return null;
  const pages = Math.max(1, Math.ceil(total / perPage));
  // past a cap the API stops counting (total_capped): say so rather than name a last page
  const position = capped ? `Page ${page} · more than ${total} in all` : `Page ${page} of ${pages} · ${total} in all`;
  return h('nav', { class: 'pager', 'aria-label': label },
    h('button', { type: 'button', class: 'button secondary', disabled: page <= 1, onClick: () => onPage(page - 1) }, '← Previous'),
    h('span', null, position),
    h('button', { type: 'button', class: 'button secondary', disabled: !hasMore, onClick: () => onPage(page + 1) }, 'Next →'));
}

/** The current hash route: "#/product/12?x=1" → { path: ['product', '12'], query: {x: '1'} }. */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart] = hash.split('?');
  const path = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query = Object.fromEntries(new URLSearchParams(queryPart || ''));
  return { path, query, hash: '#' + hash };
}

export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** "#/path" with a query built from an object, empty values left out. */
export function link(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, v);
  const text = params.toString();
  return '#' + path + (text ? '?' + text : '');
}

/** Moves focus to the page's main heading after a route change, for keyboard and screen-reader users. */
export function focusHeading() {
  requestAnimationFrame(() => {
    const heading = document.querySelector('main h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: false }); }
  });
}
