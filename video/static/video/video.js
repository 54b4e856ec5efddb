// Video facade (video/templates/video/video_block.html). Replaces the link to the video with
// a Play button and, only when the visitor presses it (click, Enter or Space), the button
// with the provider's player. Until then nothing is loaded from the provider. Without
// JavaScript the link stays. An external file: the Content-Security-Policy forbids inline
// scripts.
(function () {
  "use strict";

  function showPlayer(figure, button) {
    var player = document.createElement("iframe");
    player.className = "video__player";
    player.src = figure.dataset.videoPlayer;
    player.title = figure.dataset.videoPlayerTitle;
    player.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    button.replaceWith(player);
    // Keep keyboard and screen-reader users where they were: on the player they asked for.
    player.focus();
  }

  document.querySelectorAll("figure[data-video-player]").forEach(function (figure) {
    var link = figure.querySelector("a.video__facade");
    var template = figure.querySelector("template");
    if (!link || !template) return;
    var button = document.importNode(template.content, true).querySelector("button");
    link.replaceWith(button);
    button.addEventListener("click", function () { showPlayer(figure, button); }, { once: true });
  });
})();
