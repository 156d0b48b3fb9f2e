// Stripboard editing, without inline script (the Content-Security-Policy forbids it).
// Every path ends in the strip's own move form, so mouse, keyboard and plain HTML share
// one route: dropping a strip on a day, or Alt+Up/Alt+Down on a focused strip, fills the
// form's date and submits it. The server opens a draft, moves the strip there and comes
// back to "#strip-<scene>": the strip gets the focus again and the draft's status line is
// announced to screen readers.
"use strict";

function moveStrip(scene, isoDate) {
  const form = document.querySelector(`form[data-move="${CSS.escape(scene)}"]`);
  if (!form || !isoDate) return;
  form.querySelector("input[name=date]").value = isoDate;
  form.requestSubmit();
}

function calendarDates() {
  return Array.from(document.querySelectorAll("#schedule-dates option"), (o) => o.value);
}

// The calendar date before (step -1) or after (+1) the strip's day.
function neighbourDate(row, step) {
  const day = row.closest("section[data-date]").dataset.date;
  const dates = calendarDates();
  const index = dates.indexOf(day);
  if (index < 0) return null;
  return dates[index + step] || null;
}

function focusStrip(rows, row, step) {
  const index = rows.indexOf(row) + step;
  if (index >= 0 && index < rows.length) rows[index].focus();
}

function onStripKey(event, rows) {
  const row = event.currentTarget;
  if (event.target !== row) return; // keys typed in the row's own fields stay theirs
  const step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
  if (!step) return;
  event.preventDefault();
  if (event.altKey) moveStrip(row.dataset.scene, neighbourDate(row, step));
  else focusStrip(rows, row, step);
}

function submitIfEnabled(selector) {
  const form = document.querySelector(selector);
  const button = form && form.querySelector("button");
  if (button && !button.disabled) form.requestSubmit();
}

function onPageKey(event) {
  if (!(event.ctrlKey || event.metaKey) || event.target.matches("input, select, textarea")) {
    return;
  }
  const key = event.key.toLowerCase();
  if (key === "z" && !event.shiftKey) {
    event.preventDefault();
    submitIfEnabled("form[data-undo]");
  } else if (key === "y" || (key === "z" && event.shiftKey)) {
    event.preventDefault();
    submitIfEnabled("form[data-redo]");
  }
}

// A live region is read when its text changes, not when the page loads with it: the
// status line is emptied and written again once the page is ready.
function announce() {
  const status = document.querySelector("[data-announce]");
  if (!status) return;
  const text = status.textContent;
  status.textContent = "";
  window.setTimeout(() => { status.textContent = text; }, 250);
}

function restoreFocus() {
  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target && target.matches("tr[data-scene]")) target.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  const rows = Array.from(document.querySelectorAll("tr[data-scene]"));
  rows.forEach((row) => {
    row.draggable = true;
    row.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", row.dataset.scene);
    });
    row.addEventListener("keydown", (event) => onStripKey(event, rows));
  });
  document.querySelectorAll("section[data-date]").forEach((day) => {
    day.addEventListener("dragover", (event) => event.preventDefault());
    day.addEventListener("drop", (event) => {
      event.preventDefault();
      moveStrip(event.dataTransfer.getData("text/plain"), day.dataset.date);
    });
  });
  document.addEventListener("keydown", onPageKey);
  restoreFocus();
  announce();
});
