// The iframe form: takes the widget's options from this page's URL query
// (the same names as the element's attributes) and tells the parent page
// its height, so a two-line snippet sizes the iframe.
const params = new URLSearchParams(location.search);
const widget = document.createElement("carepath-assessment");
for (const [name, value] of params) widget.setAttribute(name, value);
document.getElementById("frame").append(widget);

let last = 0;
const tell = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: "carepath:height", height }, "*");
  }
};
new ResizeObserver(tell).observe(document.documentElement);
