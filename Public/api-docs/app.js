// HexaFac API reference: renders /api/openapi.json in the browser.
// Vanilla JS, no libraries. Every text taken from the document goes in through textContent.
'use strict';

(function () {
  const SPEC_URL = '/api/openapi.json';
  const MAX_DEPTH = 8;
  let spec = null;

  // ---- DOM helpers -------------------------------------------------------------------------

  /** el('div', 'class', child, 'text', …): strings become text nodes, never HTML. */
  function el(tag, className) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (let i = 2; i < arguments.length; i += 1) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach((c) => append(node, c)); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  function link(href, text, className) {
    const a = el('a', className, text);
    a.setAttribute('href', href);
    return a;
  }
  function code(text, className) { return el('code', className, String(text)); }
  function anchorID(kind, name) { return kind + '-' + String(name).replace(/[^A-Za-z0-9_-]+/g, '-'); }

  /** A small, safe subset of Markdown: paragraphs, **bold**, `code`, [text](https://…). */
  function markdown(text, className) {
    const box = el('div', className || 'md');
    if (!text) return box;
    String(text).split(/\n{2,}/).forEach((para) => {
      const p = el('p');
      const pattern = /(\*\*([^*]+)\*\*)|(`([^`]+)`)|(\[([^\]]+)\]\((https?:\/\/[^)\s]+)\))/g;
      let last = 0;
      let match;
      while ((match = pattern.exec(para)) !== null) {
        append(p, para.slice(last, match.index));
        if (match[1]) append(p, el('strong', null, match[2]));
        else if (match[3]) append(p, code(match[4]));
        else append(p, link(match[7], match[6]));
        last = pattern.lastIndex;
      }
      append(p, para.slice(last));
      box.appendChild(p);
    });
    return box;
  }

  // ---- References --------------------------------------------------------------------------

  function refName(ref) { return String(ref).split('/').pop(); }
  function resolve(obj) {
    let seen = 0;
    while (obj && obj.$ref && seen < 20) {
      const path = String(obj.$ref).replace(/^#\//, '').split('/');
      let target = spec;
      for (const part of path) target = target ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      if (!target) return obj;
      obj = target;
      seen += 1;
    }
    return obj;
  }

  // ---- Schemas -----------------------------------------------------------------------------

  function typeLabel(schema) {
    if (!schema) return 'any';
    if (schema.$ref) return refName(schema.$ref);
    if (schema.const !== undefined) return 'const ' + JSON.stringify(schema.const);
    let types = schema.type;
    if (Array.isArray(types)) types = types.slice();
    else if (types) types = [types];
    else if (schema.properties) types = ['object'];
    else if (schema.oneOf || schema.anyOf) {
      return (schema.oneOf || schema.anyOf).map(typeLabel).join(' | ');
    } else types = ['any'];
    return types.map((t) => {
      if (t === 'array') return 'array of ' + typeLabel(schema.items);
      if (t === 'string' && schema.format) return 'string (' + schema.format + ')';
      return t;
    }).join(' | ');
  }

  function constraintChips(schema) {
    const chips = [];
    const add = (label, value) => chips.push(el('span', 'chip', label, value === undefined ? null : code(value)));
    if (Array.isArray(schema.enum)) add('one of ', schema.enum.map((v) => JSON.stringify(v)).join(', '));
    if (schema.pattern) add('pattern ', schema.pattern);
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      add('length ', (schema.minLength ?? 0) + '..' + (schema.maxLength ?? '∞'));
    }
    if (schema.minItems !== undefined || schema.maxItems !== undefined) {
      add('items ', (schema.minItems ?? 0) + '..' + (schema.maxItems ?? '∞'));
    }
    if (schema.minimum !== undefined) add('≥ ', String(schema.minimum));
    if (schema.exclusiveMinimum !== undefined) add('> ', String(schema.exclusiveMinimum));
    if (schema.maximum !== undefined) add('≤ ', String(schema.maximum));
    if (schema.exclusiveMaximum !== undefined) add('< ', String(schema.exclusiveMaximum));
    if (schema.default !== undefined) add('default ', JSON.stringify(schema.default));
    return chips;
  }

  /** "when document_type = "-"" for an `if` made of consts. */
  function describeCondition(cond) {
    const parts = [];
    Object.entries((cond && cond.properties) || {}).forEach(([name, s]) => {
      if (s.const !== undefined) parts.push(name + ' = ' + JSON.stringify(s.const));
      else if (s.enum) parts.push(name + ' in ' + s.enum.map((v) => JSON.stringify(v)).join(', '));
    });
    return parts.length ? parts.join(' and ') : 'a condition holds';
  }
  function describeOutcome(s) {
    const parts = [];
    if (s && Array.isArray(s.required) && s.required.length) parts.push('requires ' + s.required.join(', '));
    Object.entries((s && s.properties) || {}).forEach(([name, p]) => {
      if (p.pattern) parts.push(name + ' must match ' + p.pattern);
      if (p.enum) parts.push(name + ' must be one of ' + p.enum.map((v) => JSON.stringify(v)).join(', '));
    });
    return parts.join('; ');
  }
  function conditionalRules(schema) {
    const rules = [];
    const collect = (s) => {
      if (s.if && (s.then || s.else)) {
        const when = describeCondition(s.if);
        if (s.then) rules.push('When ' + when + ': ' + describeOutcome(s.then) + '.');
        if (s.else) rules.push('Otherwise (unless ' + when + '): ' + describeOutcome(s.else) + '.');
      }
    };
    collect(schema);
    (schema.allOf || []).forEach(collect);
    if (!rules.length) return null;
    return el('ul', 'rules', rules.map((r) => el('li', null, r)));
  }

  /** An indented list of an object's properties (refs resolved), with type, required and constraints. */
  function schemaTree(schema, depth, trail) {
    depth = depth || 0;
    trail = trail || [];
    const wrap = el('div', 'schema');
    if (!schema) return wrap;
    if (schema.$ref) {
      const name = refName(schema.$ref);
      if (trail.indexOf(name) >= 0 || depth > MAX_DEPTH) {
        wrap.appendChild(el('p', 'muted', 'See ', link('#' + anchorID('schema', name), name), '.'));
        return wrap;
      }
      trail = trail.concat([name]);
      schema = resolve(schema);
    }
    const target = (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) && schema.items
      ? resolve(schema.items) : schema;
    if (target !== schema) {
      wrap.appendChild(el('p', 'muted', 'An array (', constraintChips(schema), ') of ', typeLabel(schema.items), ':'));
      wrap.appendChild(schemaTree(schema.items, depth + 1, trail));
      return wrap;
    }
    const props = schema.properties || {};
    const names = Object.keys(props);
    if (!names.length) {
      wrap.appendChild(el('p', 'prop-line', el('span', 'type', typeLabel(schema)), ' ', constraintChips(schema)));
      if (schema.description) wrap.appendChild(markdown(schema.description, 'md small'));
      return wrap;
    }
    const rules = conditionalRules(schema);
    if (schema.additionalProperties === false) wrap.appendChild(el('p', 'muted small', 'Unknown properties are refused.'));
    if (rules) wrap.appendChild(rules);
    const required = schema.required || [];
    const list = el('ul', 'props');
    names.forEach((name) => {
      const prop = props[name];
      const resolved = resolve(prop);
      const item = el('li', 'prop');
      item.appendChild(el('div', 'prop-line',
        code(name, 'prop-name'), ' ',
        el('span', 'type', typeLabel(prop)), ' ',
        required.indexOf(name) >= 0 ? el('span', 'req', 'required') : el('span', 'opt', 'optional'), ' ',
        constraintChips(resolved)));
      const description = prop.description || resolved.description;
      if (description) item.appendChild(markdown(description, 'md small'));
      const nested = prop.$ref ? resolved : prop;
      const hasChildren = (nested.properties && Object.keys(nested.properties).length)
        || (nested.items && (resolve(nested.items).properties || nested.items.$ref));
      if (hasChildren) {
        if (prop.$ref && (trail.indexOf(refName(prop.$ref)) >= 0 || depth >= MAX_DEPTH)) {
          item.appendChild(el('p', 'muted small', 'See ', link('#' + anchorID('schema', refName(prop.$ref)), refName(prop.$ref)), '.'));
        } else if (nested.items && !nested.properties) {
          item.appendChild(schemaTree(nested.items, depth + 1, prop.$ref ? trail.concat([refName(prop.$ref)]) : trail));
        } else {
          item.appendChild(schemaTree(prop, depth + 1, trail));
        }
      }
      list.appendChild(item);
    });
    wrap.appendChild(list);
    return wrap;
  }

  function schemaBlock(schema, open) {
    const details = el('details', 'schema-box');
    if (open) details.open = true;
    const summary = el('summary', null, 'Schema: ', schema && schema.$ref
      ? el('span', 'type', refName(schema.$ref)) : el('span', 'type', typeLabel(schema)));
    details.appendChild(summary);
    details.appendChild(schemaTree(schema, 0, []));
    return details;
  }

  // ---- Operations --------------------------------------------------------------------------

  function table(headers, rows) {
    const scroller = el('div', 'table-scroll');
    const t = el('table');
    t.appendChild(el('thead', null, el('tr', null, headers.map((h) => el('th', null, h)))));
    const body = el('tbody');
    rows.forEach((cells) => body.appendChild(el('tr', null, cells.map((c) => el('td', null, c)))));
    t.appendChild(body);
    scroller.appendChild(t);
    return scroller;
  }

  function parametersTable(params) {
    return table(['Name', 'In', 'Type', 'Required', 'Description'], params.map((raw) => {
      const p = resolve(raw);
      const schema = p.schema || {};
      return [
        code(p.name),
        p.in,
        el('span', null, el('span', 'type', typeLabel(schema)), ' ', constraintChips(resolve(schema))),
        p.required ? el('span', 'req', 'yes') : el('span', 'opt', 'no'),
        markdown(p.description || resolve(schema).description || '', 'md small'),
      ];
    }));
  }

  function responsesBlock(responses) {
    const list = el('div', 'responses');
    Object.keys(responses || {}).forEach((status) => {
      const response = resolve(responses[status]);
      const klass = 'status-code s' + String(status).charAt(0);
      const box = el('div', 'response');
      box.appendChild(el('div', 'response-head', el('span', klass, status), ' ', markdown(response.description || '', 'md inline')));
      const headers = response.headers || {};
      const headerNames = Object.keys(headers);
      if (headerNames.length) {
        box.appendChild(table(['Header', 'Type', 'Description'], headerNames.map((name) => {
          const h = resolve(headers[name]);
          return [el('span', null, code(name), h.required ? el('span', 'req', ' always') : null),
            el('span', 'type', typeLabel(h.schema)), markdown(h.description || '', 'md small')];
        })));
      }
      Object.entries(response.content || {}).forEach(([mediaType, media]) => {
        box.appendChild(el('p', 'media', 'Content-Type: ', code(mediaType)));
        const schema = media.schema;
        const isRef = schema && schema.$ref;
        if (isRef || (schema && schema.properties)) box.appendChild(schemaBlock(schema, false));
        else if (schema) box.appendChild(el('p', 'muted small', typeLabel(schema)));
      });
      list.appendChild(box);
    });
    return list;
  }

  function securityNote(operation) {
    const security = operation.security !== undefined ? operation.security : spec.security;
    if (!security || !security.length) return el('p', 'muted small', 'No API key needed.');
    const names = security.map((s) => Object.keys(s).join(' + ')).join(' or ');
    return el('p', 'muted small', 'Auth: ', names);
  }

  function operationCard(method, path, operation, pathItem) {
    const id = anchorID('op', operation.operationId || method + path);
    const card = el('section', 'operation');
    card.id = id;
    const title = el('h3', 'op-title',
      el('span', 'method m-' + method, method.toUpperCase()), ' ',
      el('span', 'path', path));
    card.appendChild(title);
    if (operation.summary) card.appendChild(el('p', 'summary', operation.summary,
      operation.operationId ? el('span', 'op-id', ' · ', code(operation.operationId)) : null));
    if (operation.description) card.appendChild(markdown(operation.description));
    card.appendChild(securityNote(operation));

    const params = [].concat((pathItem && pathItem.parameters) || [], operation.parameters || []);
    if (params.length) {
      card.appendChild(el('h4', null, 'Parameters'));
      card.appendChild(parametersTable(params));
    }
    const body = operation.requestBody && resolve(operation.requestBody);
    if (body) {
      card.appendChild(el('h4', null, 'Request body', body.required ? el('span', 'req', ' required') : null));
      Object.entries(body.content || {}).forEach(([mediaType, media]) => {
        card.appendChild(el('p', 'media', 'Content-Type: ', code(mediaType),
          media.schema && media.schema.$ref ? el('span', null, ' · ', link('#' + anchorID('schema', refName(media.schema.$ref)), refName(media.schema.$ref))) : null));
        card.appendChild(schemaTree(media.schema, 0, []));
      });
    }
    card.appendChild(el('h4', null, 'Responses'));
    card.appendChild(responsesBlock(operation.responses));
    return card;
  }

  const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

  function collectOperations(paths) {
    const ops = [];
    Object.keys(paths || {}).forEach((path) => {
      const item = paths[path];
      METHODS.forEach((method) => {
        if (item[method]) ops.push({ method, path, operation: item[method], pathItem: item });
      });
    });
    return ops;
  }

  // ---- Page --------------------------------------------------------------------------------

  function render() {
    const content = document.getElementById('content');
    const toc = document.getElementById('toc');
    const status = document.getElementById('status');
    if (status) status.remove();
    const info = spec.info || {};

    document.title = (info.title || 'API') + ' — reference';
    const header = el('section', 'intro');
    header.id = 'overview';
    header.appendChild(el('h1', null, info.title || 'API reference'));
    header.appendChild(el('p', 'muted', 'Version ', code(info.version || '?'), ' · OpenAPI ', code(spec.openapi || '?'),
      ' · Base URL ', code(((spec.servers || [])[0] || {}).url || '/'), ' · ', link('/api/openapi.json', 'openapi.json')));
    header.appendChild(markdown(info.description));
    content.appendChild(header);

    // Authentication
    const auth = el('section', 'auth');
    auth.id = 'authentication';
    auth.appendChild(el('h2', null, 'Authentication'));
    const schemes = (spec.components && spec.components.securitySchemes) || {};
    auth.appendChild(table(['Scheme', 'How', 'Description'], Object.keys(schemes).map((name) => {
      const s = schemes[name];
      const how = s.type === 'http' ? 'Authorization: ' + (s.scheme === 'bearer' ? 'Bearer ' : s.scheme + ' ') + (s.bearerFormat || '<token>')
        : s.type === 'apiKey' ? s.name + ' (' + s.in + ')' : s.type;
      return [code(name), code(how), markdown(s.description || '', 'md small')];
    })));
    content.appendChild(auth);

    // Operations grouped by tag, in the order of the tags list.
    const ops = collectOperations(spec.paths);
    const tagNames = (spec.tags || []).map((t) => t.name);
    ops.forEach((o) => (o.operation.tags || ['Other']).forEach((t) => { if (tagNames.indexOf(t) < 0) tagNames.push(t); }));
    const tocList = el('ul');
    tocList.appendChild(el('li', null, link('#overview', 'Overview')));
    tocList.appendChild(el('li', null, link('#authentication', 'Authentication')));

    tagNames.forEach((tag) => {
      const tagged = ops.filter((o) => (o.operation.tags || ['Other']).indexOf(tag) >= 0);
      if (!tagged.length) return;
      const section = el('section', 'tag');
      section.id = anchorID('tag', tag);
      section.appendChild(el('h2', null, tag));
      const tagInfo = (spec.tags || []).find((t) => t.name === tag);
      if (tagInfo && tagInfo.description) section.appendChild(markdown(tagInfo.description, 'md muted'));
      const sub = el('ul');
      tagged.forEach((o) => {
        section.appendChild(operationCard(o.method, o.path, o.operation, o.pathItem));
        const href = '#' + anchorID('op', o.operation.operationId || o.method + o.path);
        sub.appendChild(el('li', null, link(href, [el('span', 'method small m-' + o.method, o.method.toUpperCase()), ' ', o.path], 'toc-op')));
      });
      content.appendChild(section);
      tocList.appendChild(el('li', null, link('#' + section.id, tag), sub));
    });

    // Webhooks (OpenAPI 3.1)
    const hooks = spec.webhooks || {};
    if (Object.keys(hooks).length) {
      const section = el('section', 'tag');
      section.id = 'webhooks';
      section.appendChild(el('h2', null, 'Webhook events'));
      section.appendChild(el('p', 'muted', 'Sent by Multinicho to the business\'s webhook endpoints (POST, JSON, Standard Webhooks signatures).'));
      const sub = el('ul');
      Object.keys(hooks).forEach((name) => {
        const op = hooks[name].post || {};
        const card = el('section', 'operation');
        card.id = anchorID('hook', name);
        card.appendChild(el('h3', 'op-title', el('span', 'method m-event', 'EVENT'), ' ', el('span', 'path', name)));
        if (op.description) card.appendChild(markdown(op.description));
        if (op.parameters) { card.appendChild(el('h4', null, 'Headers')); card.appendChild(parametersTable(op.parameters)); }
        const media = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
        if (media) { card.appendChild(el('h4', null, 'Body')); card.appendChild(schemaBlock(media.schema, false)); }
        section.appendChild(card);
        sub.appendChild(el('li', null, link('#' + card.id, name)));
      });
      content.appendChild(section);
      tocList.appendChild(el('li', null, link('#webhooks', 'Webhook events'), sub));
    }

    // Schemas
    const schemas = (spec.components && spec.components.schemas) || {};
    const section = el('section', 'tag');
    section.id = 'schemas';
    section.appendChild(el('h2', null, 'Schemas'));
    const sub = el('ul');
    Object.keys(schemas).forEach((name) => {
      const schema = schemas[name];
      const box = el('section', 'schema-def');
      box.id = anchorID('schema', name);
      box.appendChild(el('h3', null, name, ' ', el('span', 'type', typeLabel(schema))));
      if (schema.description) box.appendChild(markdown(schema.description));
      box.appendChild(schemaTree({ $ref: '#/components/schemas/' + name }, 0, []));
      if (Array.isArray(schema.examples) && schema.examples.length) {
        box.appendChild(el('h4', null, 'Example'));
        box.appendChild(el('pre', 'example', code(JSON.stringify(schema.examples[0], null, 2))));
      }
      section.appendChild(box);
      sub.appendChild(el('li', null, link('#' + box.id, name)));
    });
    content.appendChild(section);
    tocList.appendChild(el('li', null, link('#schemas', 'Schemas'), el('details', 'toc-more', el('summary', null, 'all'), sub)));

    toc.appendChild(el('p', 'toc-title', 'Contents'));
    toc.appendChild(tocList);

    if (location.hash) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  function fail(message) {
    const status = document.getElementById('status');
    if (!status) return;
    status.className = 'status error';
    status.textContent = message;
  }

  function start() {
    fetch(SPEC_URL, { headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then((doc) => {
        spec = doc;
        render();
      })
      .catch((error) => fail('Could not load ' + SPEC_URL + ': ' + (error && error.message ? error.message : error)));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
