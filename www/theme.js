// Chooses the colour theme before the first paint (a classic, blocking script in <head>), so
// that dark-mode users never see the light theme while the app loads: the page's `?theme=`,
// else the autosaved workspace's setting, else the system's preference. The app takes over
// once it runs (and follows later changes).
(function () {
  var theme = null;
  try {
    var m = /[?&]theme=(light|dark)\b/.exec(location.search);
    if (m) theme = m[1];
    if (!theme && !/[?&]embed\b/.test(location.search)) {
      var saved = localStorage.getItem("cicd-playground:workspace");
      var th = saved && JSON.parse(saved).o;
      if (th && (th.th === "light" || th.th === "dark")) theme = th.th;
    }
  } catch (e) { /* storage disabled or unreadable: fall back to the system */ }
  if (!theme) theme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  document.documentElement.setAttribute("data-theme", theme);
})();
