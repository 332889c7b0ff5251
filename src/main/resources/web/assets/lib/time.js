// Times: the API sends ISO-8601 with the caller's offset; shown in the user's zone.

export function browserZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { return 'UTC'; }
}

export function formatTime(iso, zone) {
  if (!iso) return '';
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: zone || 'UTC', year: 'numeric', month: 'short', day: 'numeric',
      hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
    }).format(date);
  } catch (e) {
    return iso;
  }
}

/** IANA zones the browser knows, for a time-zone picker (a short list when it knows none). */
export function zones() {
  try {
    const list = Intl.supportedValuesOf('timeZone');
    return list.includes('UTC') ? list : ['UTC', ...list];
  } catch (e) {
    return ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Karachi', 'Asia/Tokyo'];
  }
}

/** "YYYY-MM-DD" of today in a zone. */
export function today(zone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
  return parts;
}
