/*
 * coursekit's diagram renderer, run by the build in a headless Chromium tab next to mermaid.min.js.
 * It draws each Mermaid source for the site's light and dark pages and makes every text readable on what is
 * drawn behind it (author fills such as `style X fill:#e8f5e8` included), measured in this browser.
 */
(function () {
  'use strict';
  var PAGE = { light: [255, 255, 255], dark: [13, 17, 23] };          /* the site's --bg in each theme */
  var INK = { light: [31, 35, 40], dark: [230, 237, 243] };           /* the site's --fg in each theme */
  var DARK_LIGHTNESS = [0.1, 0.9];                                     /* white becomes 0.1, black 0.9 */
  var MIN_CONTRAST = 4.5;                                              /* WCAG AA for body text */
  var stage = document.getElementById('stage');
  var fontFamily = getComputedStyle(document.body).fontFamily;
  /* Every face of the site's emoji font, loaded before anything is measured: a label's 🆕 is as wide here as on the page. */
  var emoji = Promise.all(Array.from(document.fonts).filter(function (face) { return /^"?coursekit emoji/.test(face.family); })
    .map(function (face) { return face.load().catch(function () { return null; }); }));

  function parse(color) {
    var m = /rgba?\(([^)]+)\)/.exec(color || '');
    if (!m) { return null; }
    var parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1 };
  }

  function over(top, alpha, below) {
    return below.map(function (b, i) { return top[i] * alpha + b * (1 - alpha); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function css(rgb) { return 'rgb(' + rgb.map(Math.round).join(', ') + ')'; }

  /* How opaque an element is drawn: its own opacity and that of every group around it. */
  function opacityOf(el, svg) {
    var o = 1;
    for (var e = el; e && e !== svg.parentNode; e = e.parentElement) {
      o *= Number(getComputedStyle(e).opacity);
    }
    return o;
  }

  var HIDDEN = { defs: 1, marker: 1, clipPath: 1, mask: 1, pattern: 1, symbol: 1, style: 1, title: 1, desc: 1 };
  var SHAPES = { rect: 1, path: 1, polygon: 1, circle: 1, ellipse: 1 };

  /* Filled shapes and text holders in paint order, leaving out what is never painted (markers, gradients). */
  function painted(svg) {
    var shapes = [], texts = [];
    (function walk(el) {
      for (var child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (child.nodeValue.trim() && texts[texts.length - 1] !== el) { texts.push(el); }
        } else if (child.nodeType === Node.ELEMENT_NODE && !HIDDEN[child.localName]) {
          if (SHAPES[child.localName]) { shapes.push(child); }
          walk(child);
        }
      }
    })(svg);
    return { shapes: shapes.map(function (s) { return filled(s, svg); }).filter(Boolean), texts: texts };
  }

  /* A shape with the colour and opacity it is painted with, or null when it has no visible fill. */
  function filled(s, svg) {
    var style = getComputedStyle(s);
    var fill = parse(style.fill);
    if (!fill || style.visibility === 'hidden' || style.display === 'none') { return null; }
    var alpha = fill.alpha * Number(style.fillOpacity) * opacityOf(s, svg);
    return alpha > 0.02 ? { el: s, rgb: fill.rgb, alpha: alpha, box: s.getBoundingClientRect() } : null;
  }

  function covers(shape, x, y) {
    var box = shape.box;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) { return false; }
    var ctm = shape.el.getScreenCTM();
    if (!ctm || typeof shape.el.isPointInFill !== 'function') { return false; }
    var p = new DOMPoint(x, y).matrixTransform(ctm.inverse());
    return shape.el.isPointInFill(p);
  }

  function isSvgText(el) { return el instanceof SVGElement; }

  /* What the text is drawn on: the page, then every filled shape under its centre, then HTML label backgrounds. */
  function backdropOf(el, shapes, page) {
    var r = el.getBoundingClientRect();
    var x = r.left + r.width / 2, y = r.top + r.height / 2;
    var bg = page.slice();
    shapes.forEach(function (shape) {
      if ((shape.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && covers(shape, x, y)) {
        bg = over(shape.rgb, shape.alpha, bg);
      }
    });
    var html = [];
    for (var e = el; e && !(e instanceof SVGElement); e = e.parentElement) { html.unshift(e); }
    html.forEach(function (e) {
      var b = parse(getComputedStyle(e).backgroundColor);
      if (b && b.alpha > 0) { bg = over(b.rgb, b.alpha, bg); }
    });
    return bg;
  }

  function inkOf(el) {
    var style = getComputedStyle(el);
    var c = parse(isSvgText(el) ? style.fill : style.color);
    return c ? c.rgb : null;
  }

  /* Gives every text that does not reach the contrast bar on its backdrop the site's ink (or its opposite). */
  function makeReadable(svg, theme) {
    var found = painted(svg), shapes = found.shapes;
    found.texts.forEach(function (el) {
      var ink = inkOf(el);
      if (!ink || !el.getBoundingClientRect().width) { return; }
      var bg = backdropOf(el, shapes, PAGE[theme]);
      if (contrast(ink, bg) >= MIN_CONTRAST) { return; }
      var best = contrast(INK.light, bg) > contrast(INK.dark, bg) ? INK.light : INK.dark;
      el.style.setProperty(isSvgText(el) ? 'fill' : 'color', css(best), 'important');
    });
  }

  function cleanUp() {
    stage.innerHTML = '';
    Array.prototype.forEach.call(document.body.children, function (child) {
      if (child !== stage && child.tagName !== 'SCRIPT') { child.remove(); }
    });
  }

  /* Ids Mermaid does not prefix (actor2, a gradient) get the diagram's own, so two diagrams on a page never share one. */
  function ownIds(svg, id) {
    var renamed = {};
    Array.prototype.forEach.call(svg.querySelectorAll('[id]'), function (el) {
      if (el.id.indexOf(id) !== 0) {
        renamed[el.id] = id + '-' + el.id;
        el.id = renamed[el.id];
      }
    });
    if (!Object.keys(renamed).length) { return; }
    var reference = /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)|^#(.+)$/g;
    function rewrite(value) {
      return value.replace(reference, function (all, inUrl, inHref) {
        var name = inUrl || inHref;
        return renamed[name] ? all.replace(name, renamed[name]) : all;
      });
    }
    Array.prototype.forEach.call(svg.querySelectorAll('*'), function (el) {
      Array.prototype.forEach.call(el.attributes, function (attribute) {
        if (attribute.value.indexOf('#') >= 0) { attribute.value = rewrite(attribute.value); }
      });
    });
    Array.prototype.forEach.call(svg.querySelectorAll('style'), function (style) {
      style.textContent = rewrite(style.textContent);
    });
  }

  /* Colours for dark pages: the same hue, lightness turned over into the dark page's range. */
  var probe = document.createElement('canvas').getContext('2d');
  function colourOf(text) {
    probe.fillStyle = '#010203';
    probe.fillStyle = text;
    var value = probe.fillStyle;
    if (value === '#010203' && text.trim().toLowerCase() !== '#010203') { return null; }
    if (value.charAt(0) === '#') {
      return { rgb: [1, 3, 5].map(function (i) { return parseInt(value.substr(i, 2), 16); }), alpha: 1 };
    }
    return parse(value);
  }

  function toHsl(rgb) {
    var r = rgb[0] / 255, g = rgb[1] / 255, b = rgb[2] / 255;
    var max = Math.max(r, g, b), min = Math.min(r, g, b), l = (max + min) / 2, h = 0, s = 0;
    if (max !== min) {
      var d = max - min;
      s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
      h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      h /= 6;
    }
    return [h, s, l];
  }

  function fromHsl(h, s, l) {
    function channel(t) {
      var q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q;
      t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
      if (t < 1 / 6) { return p + (q - p) * 6 * t; }
      if (t < 1 / 2) { return q; }
      if (t < 2 / 3) { return p + (q - p) * (2 / 3 - t) * 6; }
      return p;
    }
    return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)].map(function (v) { return v * 255; });
  }

  function forDark(rgb) {
    var hsl = toHsl(rgb);
    return fromHsl(hsl[0], hsl[1] * 0.8, DARK_LIGHTNESS[0] + (1 - hsl[2]) * (DARK_LIGHTNESS[1] - DARK_LIGHTNESS[0]));
  }

  var COLOUR_WORD = /#[0-9a-f]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|\b[a-z]+\b/gi;
  function darkValue(value) {
    return value.replace(COLOUR_WORD, function (word) {
      if (/^(transparent|currentcolor|inherit|initial|unset|none)$/i.test(word)) { return word; }
      var c = colourOf(word);
      if (!c) { return word; }
      var rgb = forDark(c.rgb).map(Math.round);
      return c.alpha < 1 ? 'rgba(' + rgb.join(', ') + ', ' + c.alpha + ')' : css(rgb);
    });
  }

  var COLOUR_PROPERTY = /colou?r|^fill$|^stroke$|^background|^border|^outline|shadow$/;
  function darkenDeclarations(style) {
    for (var i = 0; i < style.length; i++) {
      var name = style[i];
      if (COLOUR_PROPERTY.test(name)) {
        style.setProperty(name, darkValue(style.getPropertyValue(name)), style.getPropertyPriority(name));
      }
    }
  }

  function darkenRules(rules) {
    Array.prototype.forEach.call(rules, function (rule) {
      if (rule.style) { darkenDeclarations(rule.style); }
      if (rule.cssRules) { darkenRules(rule.cssRules); }
    });
  }

  function toDark(svg) {
    Array.prototype.forEach.call(svg.querySelectorAll('style'), function (style) {
      if (!style.sheet) { return; }
      darkenRules(style.sheet.cssRules);
      style.textContent = Array.prototype.map.call(style.sheet.cssRules, function (r) { return r.cssText; }).join('\n');
    });
    [svg].concat(Array.prototype.slice.call(svg.querySelectorAll('*'))).forEach(function (el) {
      ['fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color', 'color'].forEach(function (name) {
        if (el.hasAttribute(name)) { el.setAttribute(name, darkValue(el.getAttribute(name))); }
      });
      if (el.style && el.style.length) { darkenDeclarations(el.style); }
    });
  }

  function show(markup) {
    stage.innerHTML = markup;
    return stage.querySelector('svg');
  }

  /* One Mermaid drawing (the light one), shown on the stage; the dark picture is made from it, with the same layout. */
  async function drawLight(id, source) {
    cleanUp();
    var svg = show((await mermaid.render(id, source)).svg);
    ownIds(svg, id);
    return svg;
  }

  mermaid.initialize({
    startOnLoad: false, theme: 'default', securityLevel: 'strict', fontFamily: fontFamily, deterministicIds: true
  });

  /*
   * jobs: [{id, source, variants: ['light'|'dark'|'file', ...]}]; returns a JSON array, one entry per job, each
   * {light, dark, file} (HTML markup for pages; 'file' is XML for a standalone .svg file) or {error: Mermaid's message}.
   */
  window.coursekitRender = async function (jobs) {
    await emoji;
    var results = [];
    for (var i = 0; i < jobs.length; i++) {
      var job = jobs[i], out = {};
      try {
        var svg = await drawLight(job.id, job.source);
        var drawn = svg.outerHTML;
        makeReadable(svg, 'light');
        if (job.variants.indexOf('light') >= 0) { out.light = svg.outerHTML; }
        if (job.variants.indexOf('file') >= 0) { out.file = new XMLSerializer().serializeToString(svg); }
        if (job.variants.indexOf('dark') >= 0) {
          svg = show(drawn.split(job.id).join(job.id + '-d'));
          toDark(svg);
          makeReadable(svg, 'dark');
          out.dark = svg.outerHTML;
        }
      } catch (e) {
        out = { error: String((e && e.message) || e) };
      } finally {
        cleanUp();
      }
      results.push(out);
    }
    return JSON.stringify(results);
  };

  /* Draws one diagram for a picture, on the light page, and tells where it is for a screenshot. */
  window.coursekitStage = async function (id, source) {
    await emoji;
    var svg = await drawLight(id, source);
    makeReadable(svg, 'light');
    var box = svg.viewBox && svg.viewBox.baseVal;
    svg.style.maxWidth = 'none';
    if (box && box.width) {
      svg.setAttribute('width', box.width);
      svg.setAttribute('height', box.height);
    }
    var r = svg.getBoundingClientRect();
    return JSON.stringify({ x: r.left, y: r.top, width: r.width, height: r.height });
  };

  window.coursekitReady = true;
})();
