// Live preview: when a field of form[data-preview] changes, fetch the same page with the form's values (a GET that
// saves nothing) and swap in its #preview region, which is aria-live so screen readers hear the change.
(function () {
  const form = document.querySelector('form[data-preview]');
  const region = document.getElementById('preview');
  if (!form || !region) return;
  form.addEventListener('change', async () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (!name.startsWith('_') && !name.startsWith('__')) params.append(name, value);
    params.set('preview', 'true');
    const response = await fetch(location.pathname + '?' + params, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('preview');
    if (fresh) region.innerHTML = fresh.innerHTML;
  });
})();
