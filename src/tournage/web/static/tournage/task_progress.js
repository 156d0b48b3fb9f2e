// Follows a background task (the optimiser, the NLP breakdown) from its page: polls the
// app's JSON progress endpoint, fills the progress bar (indeterminate while no figure
// exists) and the elapsed time, and opens the result when the task is done. Texts come
// translated from the page's data-text-* attributes; the status line (role=status) is
// written only when the state changes, so screen readers are not flooded at every poll.
"use strict";

const POLL_MS = 2000;
const FINAL = new Set(["done", "failed", "lost"]);

function text(box, name, data) {
  const key = `text${name[0].toUpperCase()}${name.slice(1)}`;
  return (box.dataset[key] || "")
    .replace("{elapsed}", String(data.elapsed_seconds))
    .replace("{expected}", String(Math.round(data.expected_seconds || 0)));
}

function show(box, data, changed) {
  const bar = box.querySelector("progress");
  if (data.fraction === null || data.fraction === undefined) bar.removeAttribute("value");
  else bar.value = data.fraction;
  const figure = data.expected_seconds ? "expected" : "elapsed";
  box.querySelector("[data-task-figure]").textContent = text(box, figure, data);
  if (changed) box.querySelector("[data-task-text]").textContent = text(box, data.state, data);
}

function follow(box) {
  let last = "";
  const tick = async () => {
    let data;
    try {
      const response = await fetch(box.dataset.url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      data = await response.json();
    } catch (error) {
      window.setTimeout(tick, POLL_MS * 2); // a server restarting: try again later
      return;
    }
    show(box, data, data.state !== last);
    last = data.state;
    if (data.state === "done" && data.result_url) window.location.assign(data.result_url);
    else if (!FINAL.has(data.state)) window.setTimeout(tick, POLL_MS);
  };
  tick();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-task-progress]").forEach(follow);
});
