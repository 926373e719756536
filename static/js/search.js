/*
 * Search: suggestions as you type in the header's search box, and the filters of the search page.
 *
 * Progressive enhancement: without this script the box is a plain search form and the filters are a
 * closed <details> that opens with a click. With it, the box becomes an ARIA 1.2 combobox with a listbox
 * (arrow keys move, Enter opens the chosen suggestion, Escape closes, Tab leaves), the number of
 * suggestions is announced through a live region, and on wide screens the filters start open.
 * Suggestions come from the portal's own JSON endpoint; text is inserted as text, never as markup.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 200;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function setupSuggestions(form) {
    var input = form.querySelector("input[type=search]");
    var endpoint = form.getAttribute("data-suggest-url");
    if (!input || !endpoint || !window.fetch || !window.AbortController) {
      return;
    }
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-text-list") || "");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var suggestions = [];
    var active = -1;
    var timer = null;
    var request = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function follow(index) {
      window.location.assign(suggestions[index].url);
    }

    function show(items, announce) {
      list.textContent = "";
      suggestions = items;
      active = -1;
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "search-suggest__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "search-suggest__title";
        title.textContent = item.title;
        if (item.lang && item.lang !== document.documentElement.lang) {
          title.lang = item.lang;
          title.dir = "auto";
        }
        var kind = document.createElement("span");
        kind.className = "search-suggest__type";
        kind.textContent = item.type;
        option.appendChild(title);
        option.appendChild(kind);
        // Keep the focus in the box while a suggestion is clicked.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          follow(index);
        });
        list.appendChild(option);
      });
      if (items.length) {
        open();
      } else {
        close();
      }
      if (announce) {
        status.textContent = items.length
          ? (form.getAttribute("data-text-count") || "").replace("{count}", items.length)
          : form.getAttribute("data-text-none") || "";
      }
    }

    function load(query) {
      if (request) {
        request.abort();
      }
      request = new AbortController();
      var url = endpoint + "?q=" + encodeURIComponent(query);
      fetch(url, { signal: request.signal, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) {
            show(data.suggestions || [], true);
          }
        })
        .catch(function () {
          /* aborted or offline: the form still works */
        });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < MIN_LENGTH) {
        show([], false);
        return;
      }
      timer = window.setTimeout(function () {
        load(query);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = suggestions.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        open();
        highlight(active + 1 < count ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        open();
        highlight(active > 0 ? active - 1 : count - 1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        follow(active);
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          input.value = "";
          show([], false);
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  function setupFilters() {
    var filters = document.querySelector("[data-search-filters]");
    if (filters && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) {
      filters.open = true;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-suggest-url]"), setupSuggestions);
  setupFilters();
})();
