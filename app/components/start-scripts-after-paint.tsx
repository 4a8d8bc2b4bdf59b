import { INERT_MODULE_TYPE, INERT_PRELOAD } from "~/utils/after-paint";

// Runs in the browser as the page is parsed (a classic inline script, so no module is needed to
// start the modules). Once the document is parsed and the browser reports its first contentful
// paint (Paint Timing; two animation frames where that is not supported), it turns the inert
// preloads and Remix's inline module back into live ones (decision 029). They go at the ends of
// <head> and <body>, where React's hydration leaves nodes it did not render alone. A hidden tab
// paints nothing, so it starts at once; the timer is a backstop for a page that never paints.
const START = `(function () {
  var started = false;
  function start() {
    if (started) return;
    started = true;
    var links = document.querySelectorAll('link[${INERT_PRELOAD}="modulepreload"]');
    for (var i = 0; i < links.length; i++) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = links[i].getAttribute("href");
      document.head.appendChild(link);
    }
    var inert = document.querySelector('script[type="${INERT_MODULE_TYPE}"]');
    if (!inert) return;
    var script = document.createElement("script");
    script.type = "module";
    script.nonce = inert.nonce;
    script.textContent = inert.textContent;
    document.body.appendChild(script);
  }
  function afterPaint() {
    if (document.visibilityState === "hidden") return start();
    setTimeout(start, 3000);
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0) {
      return requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(start, 0); }); });
    }
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      setTimeout(start, 0);
    }).observe({ type: "paint", buffered: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", afterPaint);
  else afterPaint();
})();`;

/** Put right after Remix's `<Scripts>`: without the server's markers (development) it does nothing. */
export function StartScriptsAfterPaint({ nonce }: { nonce: string }) {
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: START }} />;
}
