/*
 * coursekit diagrams in the reader's browser. Diagrams drawn at build time need nothing but CSS; this script lets
 * the reader zoom and pan them (click, tap, or the zoom button), and draws with Mermaid only the diagrams the build
 * left as source (a build without Chromium), loading Mermaid just for those pages.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var script = document.currentScript;
  var words = script ? script.dataset : {};
  var MAX_SCALE = 12;

  function isDark() { return root.getAttribute('data-theme') === 'dark'; }

  /* ---- drawing in the browser, for pages the build could not draw ---- */

  var sources = Array.prototype.slice.call(document.querySelectorAll('pre.mermaid'));
  sources.forEach(function (el) { el.dataset.source = el.textContent; });

  function settle() {
    var broken = document.querySelectorAll('.build-problem[data-block="mermaid"]').length;
    if (!broken && !document.querySelectorAll('.diagram').length) { root.dataset.diagrams = 'none'; return; }
    var failed = broken
      || sources.some(function (el) { return !el.querySelector('svg') || /Syntax error/.test(el.textContent); });
    root.dataset.diagrams = failed ? 'error' : 'ready';
  }

  function loadMermaid() {
    if (window.mermaid) { return Promise.resolve(); }
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = script.src.replace(/diagrams\.js(\?.*)?$/, 'vendor/mermaid/dist/mermaid.min.js');
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function drawSources() {
    root.dataset.diagrams = 'drawing';
    return loadMermaid().then(function () {
      sources.forEach(function (el) {
        el.removeAttribute('data-processed');
        el.textContent = el.dataset.source;
      });
      window.mermaid.initialize({
        startOnLoad: false, theme: isDark() ? 'dark' : 'default', securityLevel: 'strict',
        fontFamily: getComputedStyle(document.body).fontFamily
      });
      return window.mermaid.run({ nodes: sources, suppressErrors: true });
    }).then(function () {
      root.dataset.diagramTheme = isDark() ? 'dark' : 'default';
      settle();
    }, function () {
      root.dataset.diagrams = 'missing';
    });
  }

  if (sources.length) {
    drawSources();
    new MutationObserver(function () {
      if (root.dataset.diagramTheme !== (isDark() ? 'dark' : 'default')) { drawSources(); }
    }).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  } else {
    settle();
  }

  /* ---- zoom and pan ---- */

  var dialog, stage, holder, view = { x: 0, y: 0, scale: 1 }, size = { width: 1, height: 1 }, pointers = {}, pinch = null;

  function button(label, text, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.title = label || '';
    b.setAttribute('aria-label', label || '');
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  function buildDialog() {
    dialog = document.createElement('dialog');
    dialog.className = 'diagram-zoom';
    dialog.setAttribute('aria-label', words.zoom || 'Diagram');
    var tools = document.createElement('div');
    tools.className = 'diagram-zoom-tools';
    tools.appendChild(button(words.zoomIn, '+', function () { zoomBy(1.5); }));
    tools.appendChild(button(words.zoomOut, '−', function () { zoomBy(1 / 1.5); }));
    tools.appendChild(button(words.zoomFit, '⤢', fit));
    tools.appendChild(button(words.close, '✕', function () { dialog.close(); }));
    stage = document.createElement('div');
    stage.className = 'diagram-zoom-stage';
    holder = document.createElement('div');
    stage.appendChild(holder);
    dialog.appendChild(tools);
    dialog.appendChild(stage);
    document.body.appendChild(dialog);

    stage.addEventListener('wheel', function (e) {
      e.preventDefault();
      zoomBy(Math.exp(-e.deltaY / 300), e.clientX, e.clientY);
    }, { passive: false });
    stage.addEventListener('dblclick', function (e) { zoomBy(2, e.clientX, e.clientY); });
    stage.addEventListener('pointerdown', function (e) {
      stage.setPointerCapture(e.pointerId);
      pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
      stage.classList.add('panning');
      pinch = null;
    });
    stage.addEventListener('pointermove', function (e) {
      var last = pointers[e.pointerId];
      if (!last) { return; }
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        view.x += e.clientX - last.x;
        view.y += e.clientY - last.y;
        pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
        apply();
        return;
      }
      pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var distance = Math.hypot(a.x - b.x, a.y - b.y), mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      if (pinch) {
        view.x += mid.x - pinch.mid.x;
        view.y += mid.y - pinch.mid.y;
        zoomBy(distance / pinch.distance, mid.x, mid.y);
      }
      pinch = { distance: distance, mid: mid };
    });
    function release(e) {
      delete pointers[e.pointerId];
      pinch = null;
      if (!Object.keys(pointers).length) { stage.classList.remove('panning'); }
    }
    stage.addEventListener('pointerup', release);
    stage.addEventListener('pointercancel', release);
    dialog.addEventListener('keydown', function (e) {
      var step = 60;
      if (e.key === '+' || e.key === '=') { zoomBy(1.5); }
      else if (e.key === '-') { zoomBy(1 / 1.5); }
      else if (e.key === '0') { fit(); }
      else if (e.key === 'ArrowLeft') { view.x += step; apply(); }
      else if (e.key === 'ArrowRight') { view.x -= step; apply(); }
      else if (e.key === 'ArrowUp') { view.y += step; apply(); }
      else if (e.key === 'ArrowDown') { view.y -= step; apply(); }
      else { return; }
      e.preventDefault();
    });
    dialog.addEventListener('close', function () {
      holder.innerHTML = '';
      root.dataset.diagramZoom = 'closed';
      if (dialog.opener) { dialog.opener.focus(); }
    });
  }

  function apply() {
    holder.style.transform = 'translate(' + view.x + 'px, ' + view.y + 'px) scale(' + view.scale + ')';
    root.dataset.diagramZoomScale = view.scale.toFixed(3);
  }

  function zoomBy(factor, cx, cy) {
    var rect = stage.getBoundingClientRect();
    cx = cx === undefined ? rect.left + rect.width / 2 : cx;
    cy = cy === undefined ? rect.top + rect.height / 2 : cy;
    var next = Math.min(MAX_SCALE, Math.max(fitScale() / 4, view.scale * factor));
    var x = cx - rect.left, y = cy - rect.top;
    view.x = x - (x - view.x) * (next / view.scale);
    view.y = y - (y - view.y) * (next / view.scale);
    view.scale = next;
    apply();
  }

  function fitScale() {
    var rect = stage.getBoundingClientRect();
    return Math.min(rect.width / size.width, rect.height / size.height) * 0.95;
  }

  function fit() {
    var rect = stage.getBoundingClientRect();
    view.scale = fitScale();
    view.x = (rect.width - size.width * view.scale) / 2;
    view.y = (rect.height - size.height * view.scale) / 2;
    apply();
  }

  function visibleSvg(figure) {
    return Array.prototype.filter.call(figure.querySelectorAll('svg'), function (svg) {
      return svg.getClientRects().length > 0 && !svg.closest('.diagram-zoom-button');
    })[0];
  }

  function open(figure, opener) {
    var svg = visibleSvg(figure);
    if (!svg) { return; }
    if (!dialog) { buildDialog(); }
    var box = svg.viewBox && svg.viewBox.baseVal;
    size = box && box.width ? { width: box.width, height: box.height }
      : { width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height };
    var copy = svg.cloneNode(true);
    copy.removeAttribute('style');
    copy.setAttribute('width', size.width);
    copy.setAttribute('height', size.height);
    holder.innerHTML = '';
    holder.appendChild(copy);
    dialog.opener = opener;
    dialog.showModal();
    root.dataset.diagramZoom = 'open';
    fit();
  }

  Array.prototype.forEach.call(document.querySelectorAll('figure.diagram'), function (figure) {
    var zoom = button(words.zoom, '', function (e) { e.stopPropagation(); open(figure, zoom); });
    zoom.className = 'diagram-zoom-button';
    zoom.innerHTML = '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path fill="none" stroke="currentColor"'
      + ' stroke-width="2" stroke-linecap="round" d="M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5 20 20M10.5 7.5v6M7.5 10.5h6"/></svg>';
    figure.appendChild(zoom);
    figure.classList.add('zoomable');
    figure.addEventListener('click', function (e) {
      if (!e.target.closest('a')) { open(figure, zoom); }
    });
  });
})();
