/*
 * coursekit's formula typesetter, run by the build in a headless Chromium tab next to katex.min.js: KaTeX's HTML
 * (with MathML for screen readers) for each TeX formula, or KaTeX's own message when it cannot parse one.
 */
(function () {
  'use strict';
  window.coursekitTypeset = function (jobs) {
    return JSON.stringify(jobs.map(function (job) {
      try {
        return { html: window.katex.renderToString(job.tex, {
          displayMode: job.display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', trust: false
        }) };
      } catch (e) {
        return { error: String(e && e.message || e) };
      }
    }));
  };
})();
