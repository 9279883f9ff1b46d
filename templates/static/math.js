/*
 * coursekit math in the reader's browser. Formulas typeset at build time need nothing but katex.min.css; this script
 * typesets only the TeX a build without Chromium left in the page, loading KaTeX just for those pages.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var left = Array.prototype.slice.call(document.querySelectorAll('.math-tex'));
  var script = document.currentScript;
  if (!left.length) { root.dataset.math = 'ready'; return; }
  root.dataset.math = 'typesetting';
  var tag = document.createElement('script');
  tag.src = script.src.replace(/math\.js(\?.*)?$/, 'vendor/katex/katex.min.js');
  tag.onload = function () {
    left.forEach(function (el) {
      /* the same markup the build would have written in its place */
      el.outerHTML = window.katex.renderToString(el.textContent,
        { displayMode: el.dataset.display === 'true', throwOnError: false, strict: 'ignore' });
    });
    root.dataset.math = 'ready';
  };
  tag.onerror = function () { root.dataset.math = 'missing'; };
  document.head.appendChild(tag);
})();
