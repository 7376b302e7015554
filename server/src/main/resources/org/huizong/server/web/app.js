// Light enhancements only; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  // Filters on the dashboard apply as soon as a choice changes.
  document.querySelectorAll('form.filters select').forEach((s) => {
    s.addEventListener('change', () => s.form.submit());
  });
  // Ask before actions that cannot be undone.
  document.querySelectorAll('form[data-confirm]').forEach((f) => {
    f.addEventListener('submit', (e) => {
      if (!window.confirm(f.dataset.confirm)) {
        e.preventDefault();
      }
    });
  });
  // Print buttons.
  document.querySelectorAll('[data-print]').forEach((b) => {
    b.addEventListener('click', () => window.print());
  });
});
