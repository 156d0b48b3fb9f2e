// Stripboard drag-and-drop: dropping a strip on a day fills that strip's own move form
// (the keyboard path) with the day's date and submits it, so both paths share one route.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("tr[data-scene]").forEach((row) => {
    row.draggable = true;
    row.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", row.dataset.scene);
    });
  });
  document.querySelectorAll("section[data-date]").forEach((day) => {
    day.addEventListener("dragover", (event) => event.preventDefault());
    day.addEventListener("drop", (event) => {
      event.preventDefault();
      const scene = event.dataTransfer.getData("text/plain");
      const form = document.querySelector(`form[data-move="${CSS.escape(scene)}"]`);
      if (!form) return;
      form.querySelector("input[name=date]").value = day.dataset.date;
      form.submit();
    });
  });
});
