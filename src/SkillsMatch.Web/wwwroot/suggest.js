// Skill autocomplete without a framework: an <input list="…"> whose <datalist> is refilled from /app/skills/suggest
// as the person types. The browser's own datalist popup does the keyboard work (arrows, Enter, Escape).
(function () {
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const list = document.getElementById(input.getAttribute('list'));
    let timer = 0, last = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (q.length < 2 || q === last) return;
        last = q;
        const response = await fetch('/app/skills/suggest?q=' + encodeURIComponent(q), { credentials: 'same-origin' });
        if (!response.ok) return;
        list.replaceChildren(...(await response.json()).map(s => { const o = document.createElement('option'); o.value = s.label; return o; }));
      }, 150);
    });
  }
})();
