/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// ORI workflow: this file is Camunda 7.24's own scripts/config.js of this app (from
// camunda-webapp-webjar 7.24.0), changed only in the "locales" entry. Spring Boot serves it from
// our jar instead of the webjar's (same classpath path, our classes come first).
//
// Language: Spanish for everybody, whatever the browser's language; English on request.
// Camunda picks the browser's language if it is in availableLocales, else fallbackLocale, so we
// offer exactly one language. Open any webapp with ?lang=en (e.g. /camunda/app/tasklist/?lang=en)
// to switch this browser to English, ?lang=es to switch back; the choice is kept in localStorage
// and shared by Tasklist, Cockpit, Admin and Welcome. Translations: ../locales/es.json.
const ORI_LOCALE_KEY = 'ori-locale';
const ORI_LOCALES = ['es', 'en'];
const oriLocale = (() => {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (ORI_LOCALES.includes(requested)) {
      window.localStorage.setItem(ORI_LOCALE_KEY, requested);
    }
    const chosen = window.localStorage.getItem(ORI_LOCALE_KEY);
    return ORI_LOCALES.includes(chosen) ? chosen : 'es';
  } catch (e) {
    return 'es';
  }
})();

// Camunda Forms (form-js 1.13, bundled in Tasklist 7.24) write their validation messages in
// English and have no translation hook, and a refused completion shows the engine's wrapper
// ("ENGINE-03051 There was an exception while invoking the TaskListener…") around our Spanish
// message. While Spanish is chosen, this observer rewrites those texts as they appear.
const ORI_FORM_MESSAGES = [
  [/^Field is required\.?$/, () => 'Este campo es obligatorio.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `El valor mínimo es ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `El valor máximo es ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Debe tener al menos ${m[1]} caracteres.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Debe tener como máximo ${m[1]} caracteres.`],
  [/^Field must match pattern (.+)\.$/, (m) => `El valor no tiene el formato esperado (${m[1]}).`],
  [/^Field must be a valid email\.?$/i, () => 'Debe ser un correo electrónico válido.'],
  [/^Field must be a valid +(international )?phone number\.?$/i, () => 'Debe ser un número de teléfono válido.'],
  [/^Select$/, () => 'Seleccione'],
  [/^Search$/, () => 'Buscar'],
  [/^Add new$/, () => 'Agregar']
];
function oriSpanish(text) {
  const trimmed = text.trim();
  for (const [pattern, spanish] of ORI_FORM_MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return spanish(match);
    }
  }
  if (text.includes("Variable '") && /ENGINE-|Cannot (submit task form|instantiate process definition)/.test(text)) {
    return text.replace(/ENGINE-\d+[\s\S]*?(?=Variable ')/, '')
      .replace(/Cannot (submit task form|instantiate process definition) \S+: /, '')
      .replace(/'\s*$/, '');
  }
  return null;
}
function oriTranslateTree(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const spanish = oriSpanish(node.data);
    if (spanish !== null && spanish !== node.data) {
      node.data = spanish;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    oriTranslateTree(text);
  }
}
if (oriLocale === 'es' && typeof MutationObserver !== 'undefined') {
  const startTranslating = () => {
    oriTranslateTree(document.body);
    new MutationObserver((mutations) => mutations.forEach((mutation) => {
      if (mutation.type === 'characterData') {
        oriTranslateTree(mutation.target);
      } else {
        mutation.addedNodes.forEach(oriTranslateTree);
      }
    })).observe(document.body, {childList: true, subtree: true, characterData: true});
  };
  if (document.body) {
    startTranslating();
  } else {
    document.addEventListener('DOMContentLoaded', startTranslating);
  }
}

export default {
  locales: {
    availableLocales: [oriLocale],
    fallbackLocale: oriLocale
  },
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
