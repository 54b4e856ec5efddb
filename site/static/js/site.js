// The phone menu. Loaded in <head> without `defer` (it is tiny) so that the "js" class is on
// <html> before the first paint: the stylesheet collapses the navigation behind the Menu
// button only when that class is present. Without JavaScript the button stays hidden and
// the links stay visible. An external file: the Content-Security-Policy forbids inline
// scripts.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function setUp() {
    var button = document.querySelector(".menu-button[aria-controls]");
    var nav = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!nav) {
      root.classList.remove("js");
      return;
    }

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    }

    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu and returns focus to its button.
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
