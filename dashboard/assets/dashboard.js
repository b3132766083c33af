// Dermis dashboard: progressive enhancement only. Every page works without this file; it adds
// copy buttons, live mask-viewer controls, and polling instead of <noscript> refreshes.
(function () {
  "use strict";

  // Copy buttons: shown only when the clipboard is usable.
  document.querySelectorAll("button.copy[data-copy]").forEach(function (btn) {
    if (!navigator.clipboard) return;
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var source = document.getElementById(btn.getAttribute("data-copy"));
      if (!source) return;
      navigator.clipboard.writeText(source.innerText.trim()).then(function () {
        btn.textContent = "Copied";
        setTimeout(function () { btn.textContent = "Copy"; }, 2000);
      });
    });
  });

  // Mask viewer: opacity and mask apply at once (the form still submits without JS).
  var overlay = document.getElementById("overlay");
  var opacity = document.getElementById("opacity");
  var out = document.getElementById("opacity-out");
  var mask = document.getElementById("mask");
  if (overlay && opacity) {
    opacity.addEventListener("input", function () {
      overlay.style.opacity = String(opacity.value / 100);
      if (out) out.textContent = opacity.value + "%";
    });
  }
  if (overlay && mask) {
    mask.addEventListener("change", function () {
      var base = overlay.getAttribute("src").replace(/[^/]*$/, "");
      overlay.setAttribute("src", base + encodeURIComponent(mask.value));
      overlay.setAttribute("alt", "Mask " + mask.value + " over the photo");
      overlay.classList.toggle("region", /^(skin_mask|mask_)/.test(mask.value));
      var url = new URL(window.location.href);
      url.searchParams.set("mask", mask.value);
      if (opacity) url.searchParams.set("opacity", opacity.value);
      history.replaceState(null, "", url);
    });
  }

  // A pending analysis: poll its status and reload once it has finished.
  var status = document.querySelector("[data-poll]");
  if (status) {
    var poll = function () {
      fetch(status.getAttribute("data-poll"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body) return;
          if (body.status !== status.textContent) status.textContent = body.status;
          if (body.status === "completed" || body.status === "failed") {
            window.location.reload();
          } else {
            setTimeout(poll, 1500);
          }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 1500);
  }

  // Billing confirmation pending: reload until the webhook has credited the pack.
  var pending = document.querySelector("[data-reload]");
  if (pending) {
    setTimeout(function () { window.location.reload(); }, Number(pending.getAttribute("data-reload")));
  }
})();
