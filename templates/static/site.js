/* coursekit site behaviour: theme toggle, code highlighting, heading anchors, sidebar, search, mobile menu. */
(function () {
  'use strict';
  var root = document.documentElement;

  function isDark() { return root.getAttribute('data-theme') === 'dark'; }

  function syncThemeControls() {
    var toggle = document.getElementById('theme-toggle');
    if (toggle) {
      var label = isDark() ? toggle.dataset.labelLight : toggle.dataset.labelDark;
      toggle.title = label;
      toggle.setAttribute('aria-label', label);
      toggle.setAttribute('aria-pressed', String(isDark()));
    }
    var light = document.getElementById('code-light');
    var dark = document.getElementById('code-dark');
    if (light && dark) { light.disabled = isDark(); dark.disabled = !isDark(); }
  }

  function setTheme(theme) {
    root.setAttribute('data-theme', theme);
    try { localStorage.setItem('coursekit-theme', theme); } catch (e) { /* private mode: theme lasts for this page */ }
    syncThemeControls();
  }

  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () { setTheme(isDark() ? 'light' : 'dark'); });
  }
  syncThemeControls();

  if (window.hljs) {
    document.querySelectorAll('pre code[class*="language-"]').forEach(function (block) {
      var lang = block.className.replace(/.*language-(\S+).*/, '$1');
      if (window.hljs.getLanguage(lang)) { window.hljs.highlightElement(block); }
    });
  }

  /* Code blocks: the lines a fence marks ({2,4-5}) get a band behind them, and every block a copy button. */
  var layoutBox = document.querySelector('.layout');
  document.querySelectorAll('.markdown pre > code').forEach(function (code) {
    var pre = code.parentElement;
    if (pre.classList.contains('mermaid')) { return; }
    var lines = (pre.dataset.lines || '').split(/[\s,]+/).filter(Boolean);
    if (lines.length) {
      var style = getComputedStyle(pre), lineHeight = parseFloat(getComputedStyle(code).lineHeight) || 20;
      lines.forEach(function (range) {
        var ends = range.split('-'), from = parseInt(ends[0], 10), to = parseInt(ends[1] || ends[0], 10);
        var band = document.createElement('span');
        band.className = 'line-highlight';
        band.style.top = (parseFloat(style.paddingTop) + (from - 1) * lineHeight) + 'px';
        band.style.height = ((to - from + 1) * lineHeight) + 'px';
        pre.appendChild(band);
      });
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = layoutBox ? layoutBox.dataset.copy : 'Copy';
    button.addEventListener('click', function () {
      var text = code.textContent;
      var done = function () {
        button.textContent = layoutBox ? layoutBox.dataset.copied : 'Copied';
        button.classList.add('done');
        setTimeout(function () { button.textContent = layoutBox ? layoutBox.dataset.copy : 'Copy'; button.classList.remove('done'); }, 1500);
      };
      var fallback = function () {
        var area = document.createElement('textarea');
        area.value = text;
        area.style.cssText = 'position:fixed;top:-1000px';
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
        area.remove();
        done();
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
    pre.appendChild(button);
  });

  /* Images open large on click; Esc, a click or a tap closes them. */
  var lightbox = document.getElementById('lightbox');
  if (lightbox) {
    document.querySelectorAll('.markdown img').forEach(function (img) {
      if (img.closest('a')) { return; }
      img.classList.add('zoomable');
      img.addEventListener('click', function () {
        var large = lightbox.querySelector('img');
        large.src = img.currentSrc || img.src;
        large.alt = img.alt;
        lightbox.hidden = false;
      });
    });
    lightbox.addEventListener('click', function () { lightbox.hidden = true; });
  }

  /* Keys: ← and → for the previous and next page, ? for help, Esc closes what is open. */
  var help = document.getElementById('keys-help');
  document.addEventListener('keydown', function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (e.key === 'Escape') {
      if (lightbox) { lightbox.hidden = true; }
      if (help) { help.hidden = true; }
    }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      var link = document.querySelector(e.key === 'ArrowLeft' ? '.pager a.prev' : '.pager a.next');
      if (link) { window.location.href = link.href; }
    }
    if (e.key === '?' && help) { help.hidden = !help.hidden; }
  });
  if (help) { help.addEventListener('click', function () { help.hidden = true; }); }

  document.querySelectorAll('.markdown h2[id], .markdown h3[id], .markdown h4[id]').forEach(function (h) {
    var a = document.createElement('a');
    a.className = 'heading-anchor';
    a.href = '#' + h.id;
    a.textContent = '#';
    a.setAttribute('aria-hidden', 'true');
    h.appendChild(a);
  });

  var menu = document.querySelector('.menu-toggle');
  if (menu) {
    menu.addEventListener('click', function () {
      var open = document.body.classList.toggle('sidebar-open');
      menu.setAttribute('aria-expanded', String(open));
    });
  }

  /* The sidebar shows the open path; a button on each section opens or closes it in place. */
  var sidebar = document.getElementById('sidebar');
  if (sidebar) {
    sidebar.querySelectorAll('.nav-tree li').forEach(function (li) {
      var list = li.querySelector(':scope > ol');
      if (!list) { return; }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'nav-toggle';
      button.setAttribute('aria-label', sidebar.dataset.expand || '');
      button.setAttribute('aria-expanded', String(li.classList.contains('open')));
      button.addEventListener('click', function () {
        button.setAttribute('aria-expanded', String(li.classList.toggle('open')));
      });
      li.insertBefore(button, li.firstChild);
    });
    /* Scroll the sidebar itself to the current page; scrollIntoView would move the window too and hide the title. */
    var current = sidebar.querySelector('a[aria-current="page"]');
    if (current) {
      sidebar.scrollTop += current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top - sidebar.clientHeight / 2;
    }
  }

  /*
   * Search over the whole text of every section of every page. The data (assets/search-index.js, a script so
   * file:// works too) is loaded when the reader first goes to the search box. Each query word must occur (AND),
   * inside words too, so Korean words match whatever particle follows them; matches in a page title, then in a
   * heading, rank first.
   */
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var siteRoot = input ? input.dataset.index.replace(/assets\/search-index\.js$/, '') : '';
  var index = null;
  var waiting = null;

  function loadIndex() {
    if (index || waiting) { return; }
    waiting = [];
    var script = document.createElement('script');
    script.src = input.dataset.index;
    script.onload = function () {
      var data = window.COURSEKIT_SEARCH;
      index = { pages: data.pages, sections: data.sections, lower: new Array(data.sections.length) };
      var queued = waiting;
      waiting = null;
      queued.forEach(function (f) { f(); });
      /* Lower-case the text ahead, a slice at a time, so the first query finds it ready. */
      var next = 0;
      (function slice() {
        for (var end = Math.min(next + 400, index.sections.length); next < end; next++) { haystack(next); }
        if (next < index.sections.length) { setTimeout(slice, 0); }
      })();
    };
    document.head.appendChild(script);
  }

  function haystack(id) {
    var lower = index.lower[id];
    if (!lower) {
      var s = index.sections[id];
      lower = index.lower[id] = { title: index.pages[s[0]][0].toLowerCase(), heading: s[1].toLowerCase(), text: s[3].toLowerCase() };
    }
    return lower;
  }

  function count(text, word) {
    var n = 0, at = text.indexOf(word);
    while (at >= 0 && n < 10) { n++; at = text.indexOf(word, at + word.length); }
    return n;
  }

  function find(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length; });
    var hits = [];
    for (var id = 0; id < index.sections.length; id++) {
      var h = haystack(id), score = 0, all = true;
      for (var w = 0; w < words.length && all; w++) {
        var inTitle = h.title.indexOf(words[w]) >= 0, inHeading = h.heading.indexOf(words[w]) >= 0;
        var times = count(h.text, words[w]);
        all = inTitle || inHeading || times > 0;
        score += (inHeading ? 20 : 0) + (inTitle ? 10 : 0) + times;
      }
      if (all && words.length) { hits.push({ id: id, score: score }); }
    }
    hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return { words: words, total: hits.length, hits: hits.slice(0, 20) };
  }

  /* The text around the first match, cut between characters, never inside an emoji's surrogate pair. */
  function snippet(text, lower, words) {
    var at = -1;
    words.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (at < 0 || i < at)) { at = i; } });
    var start = Math.max(0, at - 40), end = Math.min(text.length, Math.max(at, 0) + 120);
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) { start++; }
    if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) { end--; }
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  /* Appends text to an element with every occurrence of the words in <mark>. */
  function marked(element, text, words) {
    var lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      words.forEach(function (w) { var i = lower.indexOf(w, at); if (i >= 0 && (next < 0 || i < next || (i === next && w.length > length))) { next = i; length = w.length; } });
      if (next < 0) { element.appendChild(document.createTextNode(text.slice(at))); break; }
      if (next > at) { element.appendChild(document.createTextNode(text.slice(at, next))); }
      var mark = document.createElement('mark');
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      at = next + length;
    }
    return element;
  }

  function search(query) {
    var started = performance.now();
    results.innerHTML = '';
    if (!query.trim()) { results.hidden = true; return; }
    if (!index) {
      var wait = document.createElement('li');
      wait.className = 'search-note';
      wait.textContent = results.dataset.loading;
      results.appendChild(wait);
      results.hidden = false;
      loadIndex();
      if (waiting) { waiting.push(function () { search(input.value); }); }
      return;
    }
    var found = find(query), hits = found.hits;
    hits.forEach(function (hit) {
      hit.words = found.words;
      var section = index.sections[hit.id], page = index.pages[section[0]];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = siteRoot + page[1] + (section[2] ? '#' + section[2] : '');
      var title = marked(document.createElement('strong'), page[0], hit.words);
      if (section[1] && section[1] !== page[0]) {
        title.appendChild(document.createTextNode(' › '));
        marked(title, section[1], hit.words);
      }
      a.appendChild(title);
      var small = document.createElement('small');
      marked(small, snippet(section[3], haystack(hit.id).text, hit.words), hit.words);
      a.appendChild(small);
      li.appendChild(a);
      results.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement('li');
      none.className = 'search-note';
      none.textContent = results.dataset.empty;
      results.appendChild(none);
    }
    results.hidden = false;
    root.dataset.searchMs = String(Math.round((performance.now() - started) * 10) / 10);
  }

  if (input && results) {
    input.addEventListener('focus', loadIndex);
    input.addEventListener('input', function () { search(input.value); });
    input.addEventListener('keydown', function (e) {
      var first = results.querySelector('a');
      if (e.key === 'Escape') { input.value = ''; search(''); }
      if (e.key === 'Enter' && first) { window.location.href = first.href; }
      if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
    });
    results.addEventListener('keydown', function (e) {
      var links = Array.prototype.slice.call(results.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && at + 1 < links.length) { e.preventDefault(); links[at + 1].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (e.key === 'Escape') { input.focus(); }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== input && !/^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName)) {
        e.preventDefault();
        input.focus();
      }
    });
  }

  /* Highlight the heading being read in the table of contents. */
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll('.toc a'));
  if (tocLinks.length && 'IntersectionObserver' in window) {
    var byId = {};
    tocLinks.forEach(function (a) { byId[decodeURIComponent(a.getAttribute('href').slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && byId[entry.target.id]) {
          tocLinks.forEach(function (a) { a.classList.remove('active'); });
          byId[entry.target.id].classList.add('active');
        }
      });
    }, { rootMargin: '0px 0px -70% 0px' });
    Object.keys(byId).forEach(function (id) { var h = document.getElementById(id); if (h) { observer.observe(h); } });
  }
})();
