// "Select all" on lists with checkboxes; everything else works without JavaScript.
document.querySelectorAll('input[data-select-all]').forEach(function (all) {
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (box) { box.checked = all.checked; });
  });
});

// "/" from any page puts the cursor in the page's own search box, or else the header's person search.
document.addEventListener('keydown', function (e) {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) { return; }
  var t = e.target;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
  var box = document.querySelector('main input[type=search]') || document.getElementById('find');
  if (box) { e.preventDefault(); box.focus(); box.select(); }
});

// A form marked data-confirm asks before it posts (undo actions): one mis-tap on a phone should not take back work.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (form && form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) { e.preventDefault(); }
});
