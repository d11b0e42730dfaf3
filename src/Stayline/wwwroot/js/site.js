// "Select all" on lists with checkboxes; everything else works without JavaScript.
document.querySelectorAll('input[data-select-all]').forEach(function (all) {
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (box) { box.checked = all.checked; });
  });
});
