// Colours chosen by users (breakdown categories, stripboard effets, revision colours) come
// in a data-colour attribute: the Content-Security-Policy forbids style="" in the markup,
// while a style set from a same-origin script is allowed. Also for content htmx swaps in.
(() => {
  const paint = (root) => {
    root.querySelectorAll("[data-colour]").forEach((element) => {
      element.style.backgroundColor = element.dataset.colour;
    });
  };
  document.addEventListener("DOMContentLoaded", () => paint(document));
  document.addEventListener("htmx:load", (event) => paint(event.target));
})();
