/**
 * The console's one script, small on purpose: every page works without it. It asks for confirmation
 * on forms marked data-confirm, prints on buttons marked data-print, and moves focus to an error
 * summary so keyboard and screen-reader users land on it.
 */
export const APP_JS = `(function(){
  document.addEventListener('submit', function(e){
    var f = e.target;
    var q = f && f.getAttribute && f.getAttribute('data-confirm');
    if (q && !window.confirm(q)) { e.preventDefault(); return; }
    if (f && f.getAttribute && f.getAttribute('data-once') !== null) {
      var b = f.querySelector('button[type=submit]');
      if (b) { setTimeout(function(){ b.disabled = true; }, 0); }
    }
  });
  document.addEventListener('click', function(e){
    var t = e.target;
    if (t && t.closest && t.closest('[data-print]')) { e.preventDefault(); window.print(); }
  });
  document.addEventListener('DOMContentLoaded', function(){
    var s = document.querySelector('[data-focus]');
    if (s) { s.focus(); }
  });
})();
`;
