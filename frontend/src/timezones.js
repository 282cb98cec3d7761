/** Fills a <select> with the browser's list of IANA time zones, preselecting `selected` or the browser's own. */
export function fillTimeZones(select, selected) {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = new Set(Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  zones.add(own);
  if (selected) zones.add(selected);
  const wanted = selected ?? own;
  select.replaceChildren(
    ...[...zones].sort().map((zone) => {
      const option = document.createElement('option');
      option.value = zone;
      option.textContent = zone.replaceAll('_', ' ');
      option.selected = zone === wanted;
      return option;
    }),
  );
}
