/*
 * The console's one script, small on purpose: every page works without it. It asks for confirmation
 * on forms marked data-confirm, disables a form's buttons while it is being sent (the server takes a
 * form once anyway), keeps a character counter beside a text area marked data-count, prints on buttons marked data-print, opens the menu on wide screens, and moves
 * focus to an error summary so keyboard and screen-reader users land on it.
 */
(function () {
  function buttons(f) {
    return f.querySelectorAll('button[type=submit],button:not([type]),input[type=submit]');
  }
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f || !f.getAttribute) return;
    var q = f.getAttribute('data-confirm');
    if (q && !window.confirm(q)) {
      e.preventDefault();
      return;
    }
    if ((f.getAttribute('method') || '').toLowerCase() !== 'post' || e.defaultPrevented) return;
    if (f.getAttribute('aria-busy') === 'true') {
      e.preventDefault();
      return;
    }
    f.setAttribute('aria-busy', 'true');
    // After this tick: the clicked button's name and value are already part of what is sent.
    var bs = buttons(f);
    setTimeout(function () {
      for (var i = 0; i < bs.length; i++) bs[i].disabled = true;
    }, 0);
  });
  // Back to a page from the browser's cache: its forms may be sent again.
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted) return;
    var fs = document.querySelectorAll('form[aria-busy=true]');
    for (var i = 0; i < fs.length; i++) {
      fs[i].removeAttribute('aria-busy');
      var bs = buttons(fs[i]);
      for (var j = 0; j < bs.length; j++) bs[j].disabled = false;
    }
  });
  // "120 dari 1000 karakter": characters as people count them (an emoji is one), as the server does.
  document.addEventListener('input', function (e) {
    var area = e.target;
    var id = area && area.getAttribute && area.getAttribute('data-count');
    var out = id && document.getElementById(id);
    if (!out) return;
    var n = Array.from(area.value).length;
    var shown = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); // 1.001, as the server writes it
    out.textContent = (out.getAttribute('data-text') || '{n}').replace('{n}', shown);
    var max = Number(out.getAttribute('data-max'));
    if (max) out.classList.toggle('over', n > max);
  });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.closest && t.closest('[data-print]')) {
      e.preventDefault();
      window.print();
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var menu = document.querySelector('[data-menu]');
    if (menu && window.matchMedia) {
      var wide = window.matchMedia('(min-width: 48rem)');
      var fit = function () {
        menu.open = wide.matches;
      };
      fit();
      if (wide.addEventListener) wide.addEventListener('change', fit);
    }
    var s = document.querySelector('[data-focus]');
    if (s) {
      s.focus();
    }
  });
})();
