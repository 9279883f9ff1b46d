/* HCL (Terraform) for highlight.js, which has no grammar of its own for it: blocks, attributes, strings with ${…}, heredocs, comments. */
(function () {
  if (!window.hljs) { return; }
  window.hljs.registerLanguage('hcl', function (hljs) {
    var interpolation = { className: 'subst', begin: /\$\{/, end: /\}/ };
    return {
      name: 'HCL',
      aliases: ['terraform', 'tf', 'hcl2'],
      keywords: {
        keyword: 'resource data variable output locals module provider terraform for in if for_each count depends_on lifecycle dynamic content',
        literal: 'true false null'
      },
      contains: [
        hljs.HASH_COMMENT_MODE, hljs.C_LINE_COMMENT_MODE, hljs.C_BLOCK_COMMENT_MODE,
        { className: 'string', begin: /<<-?\s*([A-Z]+)\s*$/, end: /^\s*[A-Z]+\s*$/, contains: [interpolation] },
        { className: 'string', begin: /"/, end: /"/, contains: [hljs.BACKSLASH_ESCAPE, interpolation] },
        { className: 'number', begin: /\b\d+(\.\d+)?\b/ },
        { className: 'attr', begin: /\b[A-Za-z_][\w-]*(?=\s*=(?!=))/ },
        { className: 'title', begin: /\b[a-z_][\w-]*\.[\w.*-]+/ }
      ]
    };
  });
})();
