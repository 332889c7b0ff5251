// Revenue over time (uPlot), by category and the top products, for a range in the admin's zone.
// The figures shown are the API's own strings (the total is get_sales_data's total_revenue);
// numbers are turned into floats only to draw the chart.
import { h, Component, Field, Notice } from '../lib/ui.js';
import { api } from '../lib/api.js';
import { formatMoney, toCents, fromCents } from '../lib/money.js';
import { today, zones } from '../lib/time.js';

function daysBefore(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** {"<id>,<name>": value} → [{id, name, value}] (the name may itself hold commas). */
function entries(map) {
  return Object.entries(map || {}).map(([key, value]) => {
    const comma = key.indexOf(',');
    return { id: key.slice(0, comma), name: key.slice(comma + 1), key, value };
  });
}

export class Dashboard extends Component {
  constructor(props) {
    super(props);
    const zone = props.user.timezone || 'UTC';
    const end = today(zone);
    this.state = { start: daysBefore(end, 89), end, buckets: 'weekly', zone, data: null, buckets_data: null, error: null, fields: {}, busy: false };
  }

  componentDidMount() { this.load(); }

  componentWillUnmount() { if (this.plot) this.plot.destroy(); }

  params() {
    const { start, end, zone } = this.state;
    return { start_date: start, end_date: end, timezone: zone, include_sales_items: false };
  }

  async load(e) {
    if (e) e.preventDefault();
    this.setState({ busy: true, error: null, fields: {} });
    try {
      const [data, bucketed] = await Promise.all([
        api.get('get_sales_data', this.params()),
        api.get('get_sales_data', { ...this.params(), buckets: this.state.buckets }),
      ]);
      this.setState({ data, bucketed, busy: false }, () => this.draw());
    } catch (err) {
      this.setState({ busy: false, error: Object.keys(err.fields).length ? null : err.message, fields: err.fields });
    }
  }

  draw() {
    const element = this.chartElement;
    if (!element || !window.uPlot) return;
    const periods = Object.values(this.state.bucketed);
    const xs = periods.map(p => Date.parse(p.start) / 1000);
    const ys = periods.map(p => Number(p.total_revenue));
    if (this.plot) this.plot.destroy();
    const width = Math.max(280, element.clientWidth);
    const pad = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 43200;
    const zone = this.state.zone;
    const uPlot = window.uPlot;
    this.plot = new uPlot({
      width, height: 300,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), zone),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // half a period of room on each side, so that the first and last bars are drawn whole
      scales: { x: { time: true, range: (u, min, max) => [min - pad, max + pad] }, y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [{ stroke: '#4b5563', grid: { stroke: '#f3f4f6' } },
        { stroke: '#4b5563', grid: { stroke: '#e5e7eb' }, size: 70, values: (u, vals) => vals.map(v => '$' + Math.round(v).toLocaleString('en-US')) }],
      series: [{}, { label: 'Revenue', stroke: '#1d4ed8', fill: 'rgba(29,78,216,.25)', width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false } }],
    }, [xs, ys], element);
  }

  async downloadCsv() {
    this.setState({ csvError: null });
    try {
      const response = await api.get('get_sales_data', { ...this.params(), include_sales_items: true, format: 'csv' }, { raw: true });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `sales-${this.state.start}-to-${this.state.end}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      this.setState({ csvError: err.message });
    }
  }

  render(_, s) {
    const set = name => v => this.setState({ [name]: v });
    const data = s.data;
    const categories = data ? entries(data.revenue_by_categories).map(c => ({ ...c, units: data.quantity_by_categories[c.key] || 0 }))
      .sort((a, b) => (toCents(b.value) > toCents(a.value) ? 1 : -1)) : [];
    const products = data ? entries(data.revenue_by_products).map(p => ({ ...p, units: data.quantity_by_products[p.key] || 0 }))
      .sort((a, b) => (toCents(b.value) > toCents(a.value) ? 1 : -1)).slice(0, 10) : [];
    const units = data ? Object.values(data.quantity_by_categories).reduce((n, q) => n + BigInt(q), 0n) : 0n;
    const periods = s.bucketed ? Object.entries(s.bucketed) : [];
    const bucketSum = periods.reduce((sum, [, p]) => sum + toCents(p.total_revenue), 0n);
    return h('div', null,
      h('h1', null, 'Dashboard'),
      h('form', { class: 'toolbar panel', onSubmit: e => this.load(e), noValidate: true },
        h(Field, { id: 'd-start', label: 'From', type: 'date', value: s.start, error: s.fields.start_date, onInput: set('start') }),
        h(Field, { id: 'd-end', label: 'To', type: 'date', value: s.end, error: s.fields.end_date, onInput: set('end') }),
        h(Field, { id: 'd-buckets', label: 'Group by', value: s.buckets, onInput: set('buckets'), error: s.fields.buckets, options: [
          { value: 'daily', label: 'Day' }, { value: 'weekly', label: 'Week' }, { value: 'monthly', label: 'Month' }] }),
        h(Field, { id: 'd-zone', label: 'Time zone', value: s.zone, onInput: set('zone'), error: s.fields.timezone,
          options: zones().map(z => ({ value: z, label: z })) }),
        h('button', { class: 'button', type: 'submit', disabled: s.busy }, s.busy ? 'Loading…' : 'Show'),
        h('button', { class: 'button secondary', type: 'button', id: 'csv', onClick: () => this.downloadCsv() }, 'Download CSV')),
      h(Notice, { kind: 'error', text: s.error || s.csvError }),
      data ? h('div', { class: 'stats' },
        h('div', { class: 'stat' }, h('p', { class: 'label' }, 'Revenue'), h('p', { class: 'value', id: 'dashboard-total', 'data-amount': data.total_revenue }, formatMoney(data.total_revenue))),
        h('div', { class: 'stat' }, h('p', { class: 'label' }, 'Units sold'), h('p', { class: 'value', id: 'dashboard-units' }, units.toLocaleString('en-US'))),
        h('div', { class: 'stat' }, h('p', { class: 'label' }, 'Periods'), h('p', { class: 'value' }, String(periods.length)))) : null,
      data && bucketSum !== toCents(data.total_revenue)
        ? h(Notice, { kind: 'error', text: `The periods add up to ${formatMoney(fromCents(bucketSum))}, not the total: the data changed between the two answers. Show again.` }) : null,
      h('section', { class: 'panel', 'aria-labelledby': 'chart-title' },
        h('h2', { id: 'chart-title' }, 'Revenue per ' + ({ daily: 'day', weekly: 'week', monthly: 'month' }[s.buckets] || 'period') + ' (' + s.zone + ')'),
        h('div', { class: 'chart', role: 'img', 'aria-label': 'Bar chart of revenue per period; the same figures are in the table below it.',
          ref: el => { this.chartElement = el; } }),
        periods.length ? h('details', null, h('summary', null, 'Figures per period'),
          h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', null,
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Period'), h('th', { scope: 'col', class: 'num' }, 'Revenue'))),
            h('tbody', null, periods.map(([key, p]) => h('tr', { key },
              h('td', null, key.split(',').map(t => t.slice(0, 10)).join(' – ')), h('td', { class: 'num' }, formatMoney(p.total_revenue)))))))) : null),
      data ? h('div', { class: 'grid-2' },
        h('section', { class: 'panel', 'aria-labelledby': 'cat-title' }, h('h2', { id: 'cat-title' }, 'By category'),
          h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'by-category' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col', class: 'num' }, 'Units'), h('th', { scope: 'col', class: 'num' }, 'Revenue'))),
            h('tbody', null, categories.map(c => h('tr', { key: c.key }, h('td', null, c.name), h('td', { class: 'num' }, String(c.units)),
              h('td', { class: 'num' }, formatMoney(c.value)))))))),
        h('section', { class: 'panel', 'aria-labelledby': 'top-title' }, h('h2', { id: 'top-title' }, 'Top products'),
          h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Table (scrolls sideways on narrow screens)' }, h('table', { id: 'top-products' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col', class: 'num' }, 'Units'), h('th', { scope: 'col', class: 'num' }, 'Revenue'))),
            h('tbody', null, products.map(p => h('tr', { key: p.key }, h('td', null, p.name), h('td', { class: 'num' }, String(p.units)),
              h('td', { class: 'num' }, formatMoney(p.value))))))))) : null);
  }
}
