// The cart, kept in localStorage per user (a guest's cart joins the user's at log-in), so that
// it survives reloads and a different user on the same browser never sees it.
import { fromCents, times } from '../lib/money.js';

const PREFIX = 'ecommerce.cart.';
const listeners = new Set();
let owner = 'guest';

function key(who) { return PREFIX + who; }

function read(who) {
  try {
    const lines = JSON.parse(localStorage.getItem(key(who)) || '[]');
    return Array.isArray(lines) ? lines.filter(l => l && l.product_id > 0 && l.quantity > 0) : [];
  } catch (e) {
    return [];
  }
}

function write(lines) {
  if (lines.length) localStorage.setItem(key(owner), JSON.stringify(lines));
  else localStorage.removeItem(key(owner));
  listeners.forEach(l => l());
}

export const cart = {
  lines() { return read(owner); },
  count() { return read(owner).reduce((n, l) => n + l.quantity, 0); },
  total() { return fromCents(read(owner).reduce((sum, l) => sum + times(l.price, l.quantity), 0n)); },
  subscribe(listener) { listeners.add(listener); return () => listeners.delete(listener); },

  /** Switches to a user's cart; the guest's lines are added to it. */
  useOwner(userId) {
    const guest = userId ? read('guest') : [];
    owner = userId ? String(userId) : 'guest';
    if (guest.length) {
      localStorage.removeItem(key('guest'));
      const lines = read(owner);
      guest.forEach(g => merge(lines, g));
      write(lines);
    } else {
      listeners.forEach(l => l());
    }
  },

  add(product, quantity) {
    const lines = read(owner);
    merge(lines, { product_id: product.id, product_name: product.product_name, price: product.price, quantity });
    write(lines);
  },

  setQuantity(productId, quantity) {
    const lines = read(owner);
    const line = lines.find(l => l.product_id === productId);
    if (line) line.quantity = Math.max(1, Math.min(10000, quantity | 0));
    write(lines);
  },

  /** Refreshes a line's name and price from the catalog. */
  refresh(product) {
    const lines = read(owner);
    const line = lines.find(l => l.product_id === product.id);
    if (line && (line.price !== product.price || line.product_name !== product.product_name)) {
      line.price = product.price;
      line.product_name = product.product_name;
      write(lines);
    }
  },

  remove(productId) { write(read(owner).filter(l => l.product_id !== productId)); },

  /** Takes bought quantities out after a purchase; what failed stays. */
  bought(purchasedItems) {
    const lines = read(owner);
    for (const item of purchasedItems) {
      const line = lines.find(l => l.product_id === item.product_id);
      if (line) line.quantity -= item.quantity;
    }
    write(lines.filter(l => l.quantity > 0));
  },
};

function merge(lines, line) {
  const existing = lines.find(l => l.product_id === line.product_id);
  if (existing) existing.quantity = Math.min(10000, existing.quantity + line.quantity);
  else lines.push({ ...line });
}
