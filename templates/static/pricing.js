/*
 * coursekit pricing calculator. Computes what the build computes (Scenario.java) with exact
 * decimals: every price is a decimal string in the embedded price book, held here as a BigInt
 * of digits and a scale, and only the displayed amounts are rounded, HALF_UP to cents.
 * No network, no libraries: works from file://.
 */
(function () {
  "use strict";

  var PLAIN_DECIMAL = /^\s*(\d+)(?:\.(\d+))?\s*$/;
  var WHOLE = /^\s*\d+\s*$/;

  /** "0.162" -> {n: 162n, s: 3}; null when the text is not a plain non-negative decimal. */
  function decimal(text) {
    var match = PLAIN_DECIMAL.exec(String(text));
    if (!match) {
      return null;
    }
    var fraction = match[2] || "";
    return { n: BigInt(match[1] + fraction), s: fraction.length };
  }

  function scaled(a, scale) {
    return a.n * 10n ** BigInt(scale - a.s);
  }

  function add(a, b) {
    var scale = Math.max(a.s, b.s);
    return { n: scaled(a, scale) + scaled(b, scale), s: scale };
  }

  function subtract(a, b) {
    var scale = Math.max(a.s, b.s);
    return { n: scaled(a, scale) - scaled(b, scale), s: scale };
  }

  function multiply(a, b) {
    return { n: a.n * b.n, s: a.s + b.s };
  }

  /** Whole cents, rounded HALF_UP; amounts here are never negative. */
  function cents(a) {
    if (a.s <= 2) {
      return scaled(a, 2);
    }
    var divisor = 10n ** BigInt(a.s - 2);
    return (a.n + divisor / 2n) / divisor;
  }

  /** Same text as Money.amount in the build: "$1,234.57". */
  function amount(a, symbol) {
    var digits = cents(a).toString().padStart(3, "0");
    var whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return symbol + whole + "." + digits.slice(-2);
  }

  var ZERO = { n: 0n, s: 0 };
  var HUNDRED = { n: 100n, s: 0 };
  var PERCENT = { n: 1n, s: 2 };

  /** The inputs as decimals, or null with the offending inputs marked invalid. */
  function readInputs(calculator) {
    var rules = {
      count: function (text) { return WHOLE.test(text) && BigInt(text.trim()) >= 1n; },
      replicas: function (text) { return WHOLE.test(text); },
      hours: function (text) { var d = decimal(text); return d !== null && d.n > 0n; },
      backup_gb: function (text) { return decimal(text) !== null; }
    };
    var values = {};
    var valid = true;
    Object.keys(rules).forEach(function (name) {
      var input = calculator.querySelector('[data-calc-input="' + name + '"]');
      if (!input) {
        values[name] = ZERO;
        return;
      }
      var ok = rules[name](input.value);
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      valid = valid && ok;
      values[name] = ok ? decimal(input.value) : null;
    });
    values.node = calculator.querySelector('[data-calc-input="node"]').value;
    values.term = calculator.querySelector('[data-calc-input="term"]').value;
    return valid ? values : null;
  }

  /** The figures of Scenario.java: primaries, replicas, backup, on-demand and the chosen term's total. */
  function estimate(book, inputs) {
    var node = book.nodes.find(function (candidate) { return candidate.type === inputs.node; });
    var term = book.terms.find(function (candidate) { return candidate.term === inputs.term; });
    var perNodeMonth = multiply(decimal(node.perHour), inputs.hours);
    var primaries = multiply(perNodeMonth, inputs.count);
    var replicas = multiply(perNodeMonth, multiply(inputs.count, inputs.replicas));
    var backup = multiply(decimal(book.backupPerGbMonth), inputs.backup_gb);
    var onDemand = add(add(primaries, replicas), backup);
    var total = term
      ? multiply(onDemand, multiply(subtract(HUNDRED, decimal(term.discountPercent)), PERCENT))
      : onDemand;
    return { primaries: primaries, replicas: replicas, backup: backup, "on-demand": onDemand, total: total };
  }

  function update(calculator, book) {
    var inputs = readInputs(calculator);
    var figures = inputs && estimate(book, inputs);
    calculator.querySelectorAll("[data-calc-output]").forEach(function (output) {
      var name = output.getAttribute("data-calc-output");
      output.textContent = figures ? amount(figures[name], book.symbol) : "—";
    });
  }

  function wire(calculator) {
    var book = JSON.parse(calculator.querySelector("script[data-calc-book]").textContent);
    var form = calculator.querySelector("form");
    var recompute = function () { update(calculator, book); };
    form.addEventListener("input", recompute);
    form.addEventListener("change", recompute);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    recompute();
    calculator.setAttribute("data-calc-ready", "");
  }

  function start() {
    document.querySelectorAll("[data-pricing-calculator]").forEach(wire);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
