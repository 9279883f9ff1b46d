/* The portal's behaviour: the theme, uploading by drag and drop, and statuses that change without a reload. */
(function () {
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem('coursekit-theme'); } catch (e) { /* private mode */ }
  var dark = saved ? saved === 'dark' : window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  root.setAttribute('data-theme', dark ? 'dark' : 'light');

  function csrf() {
    var main = document.querySelector('main[data-csrf]');
    return main ? main.getAttribute('data-csrf') : '';
  }

  function themeToggle() {
    var toggle = document.getElementById('theme-toggle');
    if (!toggle) { return; }
    function label() {
      var text = toggle.getAttribute(root.getAttribute('data-theme') === 'dark' ? 'data-label-light' : 'data-label-dark');
      toggle.title = text;
      toggle.setAttribute('aria-label', text);
    }
    label();
    toggle.addEventListener('click', function () {
      var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('coursekit-theme', next); } catch (e) { /* this page only */ }
      label();
    });
  }

  /* Every file of a dropped folder, with its path inside the folder. */
  function entryFiles(entry, into) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (file) { into.push({file: file, path: entry.fullPath.replace(/^\//, '')}); resolve(); }, resolve);
        return;
      }
      var reader = entry.createReader();
      var all = [];
      (function more() {
        reader.readEntries(function (batch) {
          if (!batch.length) {
            Promise.all(all.map(function (e) { return entryFiles(e, into); })).then(resolve);
            return;
          }
          all = all.concat(Array.prototype.slice.call(batch));
          more();
        }, resolve);
      })();
    });
  }

  function upload(files) {
    var zone = document.getElementById('drop-zone');
    var problem = document.getElementById('upload-problem');
    if (!files.length) { return; }
    var form = new FormData();
    files.forEach(function (f) {
      form.append('file', f.file, f.file.name);
      form.append('path', f.path || f.file.name);
    });
    zone.classList.add('sending');
    problem.hidden = true;
    fetch('/api/submissions', {method: 'POST', body: form, headers: {'X-CSRF-Token': csrf()}, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, body: body}; });
      })
      .then(function (answer) {
        if (answer.ok) {
          window.location.assign('/submissions/' + answer.body.id);
          return;
        }
        zone.classList.remove('sending');
        problem.textContent = answer.body.message || answer.body.error;
        problem.hidden = false;
      })
      .catch(function (e) {
        zone.classList.remove('sending');
        problem.textContent = String(e);
        problem.hidden = false;
      });
  }

  function uploads() {
    var zone = document.getElementById('drop-zone');
    if (!zone) { return; }
    var fileInput = document.getElementById('file-input');
    var folderInput = document.getElementById('folder-input');
    function fromInput(input) {
      return Array.prototype.map.call(input.files, function (file) {
        return {file: file, path: file.webkitRelativePath || file.name};
      });
    }
    fileInput.addEventListener('change', function () { upload(fromInput(fileInput)); });
    folderInput.addEventListener('change', function () { upload(fromInput(folderInput)); });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) {
      var items = e.dataTransfer.items;
      var entries = items ? Array.prototype.map.call(items, function (i) { return i.webkitGetAsEntry && i.webkitGetAsEntry(); })
        .filter(Boolean) : [];
      if (!entries.length) {
        upload(Array.prototype.map.call(e.dataTransfer.files, function (file) { return {file: file, path: file.name}; }));
        return;
      }
      var files = [];
      Promise.all(entries.map(function (entry) { return entryFiles(entry, files); })).then(function () { upload(files); });
    });
  }

  var ORDER = ['queued', 'compiling', 'checking', 'graded'];

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (all, i) { return values[+i]; });
  }

  function showStatus(card, s) {
    var seen = root.dataset.statuses ? root.dataset.statuses.split(' ') : [];
    if (seen[seen.length - 1] !== s.status) { seen.push(s.status); }
    root.dataset.statuses = seen.join(' ');
    card.setAttribute('data-status', s.status);
    var at = ORDER.indexOf(s.status);
    card.querySelectorAll('.steps li').forEach(function (li) {
      var i = ORDER.indexOf(li.getAttribute('data-step'));
      li.classList.toggle('done', at >= 0 && i < at || s.status === 'graded' && i === at);
      li.classList.toggle('current', i === at && s.status !== 'graded');
    });
    var text = document.getElementById('status-text');
    text.textContent = s.status_text;
    text.className = 'status status-' + s.status;
    if (s.status === 'graded') {
      document.getElementById('score').textContent = s.score;
      document.getElementById('max').textContent = s.max;
      document.getElementById('score-line').hidden = false;
      var late = document.getElementById('late-line');
      late.hidden = !s.late;
      late.textContent = fill(late.getAttribute('data-template'), [s.penalty_percent, s.score_before_penalty]);
      var hidden = document.getElementById('hidden-line');
      hidden.hidden = !s.hidden_checks;
      hidden.textContent = fill(hidden.getAttribute('data-template'), [s.hidden_checks]);
      var frame = document.getElementById('report');
      if (!frame.getAttribute('src')) { frame.setAttribute('src', frame.getAttribute('data-src')); }
      document.getElementById('report-card').hidden = false;
    }
    if (s.problem) {
      var problem = document.getElementById('problem-line');
      problem.textContent = s.problem;
      problem.hidden = false;
    }
  }

  function watchSubmission() {
    var card = document.getElementById('submission');
    if (!card) { return; }
    var id = card.getAttribute('data-id');
    showStatus(card, {status: card.getAttribute('data-status'),
      status_text: document.getElementById('status-text').textContent});
    if (card.getAttribute('data-finished') === 'true') { return; }
    (function poll() {
      fetch('/api/submissions/' + encodeURIComponent(id), {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          showStatus(card, s);
          if (s.status !== 'graded' && s.status !== 'failed') { setTimeout(poll, 700); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    })();
  }

  function cell(row, content, className) {
    var td = document.createElement('td');
    if (className) { td.className = className; }
    content.forEach(function (c) { td.appendChild(c); });
    row.appendChild(td);
  }

  function node(tag, text, attrs) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) { n.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return n;
  }

  function watchClass() {
    var table = document.getElementById('class-table');
    if (!table) { return; }
    var lateWord = table.getAttribute('data-late');
    function render(students) {
      var body = document.createElement('tbody');
      students.forEach(function (s) {
        var row = node('tr', null, {'data-student': s.student});
        var who = [node('span', s.student)];
        if (s.name) { who.push(node('br')); who.push(node('span', s.name, {'class': 'muted small'})); }
        cell(row, who);
        cell(row, [node('span', s.section)]);
        cell(row, [node('span', s.submissions)], 'num');
        var score = [];
        if (s.score !== null) {
          score.push(s.counted ? node('a', s.score, {href: '/submissions/' + s.counted}) : node('span', s.score));
          score.push(node('span', ' / ' + s.max));
        }
        if (s.late) { score.push(node('span', ' ')); score.push(node('span', lateWord, {'class': 'badge late'})); }
        cell(row, score, 'num');
        cell(row, [s.latest ? node('a', s.status_text, {'class': 'status status-' + s.status, href: '/submissions/' + s.latest})
          : node('span', s.status_text, {'class': 'muted'})]);
        cell(row, [node('span', s.last_received)], 'small');
        body.appendChild(row);
      });
      table.replaceChild(body, table.tBodies[0]);
    }
    (function poll() {
      fetch('/api/admin/class', {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (c) { render(c.students); setTimeout(poll, 3000); })
        .catch(function () { setTimeout(poll, 5000); });
    })();
    var regrade = document.getElementById('regrade-form');
    regrade.addEventListener('submit', function (e) {
      if (!window.confirm(regrade.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    themeToggle();
    uploads();
    watchSubmission();
    watchClass();
  });
})();
