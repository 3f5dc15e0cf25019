/* Progressive enhancement only: every page works without this file.
   - shows the maps (Leaflet, district outlines served by us, no tiles from the internet);
   - "near my location" fills the hidden lat/lon fields from the browser's geolocation;
   - filters submit themselves when changed (live filtering);
   - the print button. */
(function () {
  "use strict";
  var script = document.currentScript;
  var districtsUrl = script && script.getAttribute("data-districts");

  document.querySelectorAll(".js-only[hidden]").forEach(function (el) {
    if (!el.classList.contains("map")) { el.hidden = false; }
  });

  function showMap(el) {
    var points = [];
    try { points = JSON.parse(el.getAttribute("data-points") || "[]"); } catch (e) { return; }
    if (!points.length || typeof L === "undefined") { return; }
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("ArcČR 500 © ARCDATA PRAHA, ZÚ, ČSÚ");
    if (districtsUrl) {
      fetch(districtsUrl).then(function (r) { return r.json(); }).then(function (data) {
        L.geoJSON(data, {
          style: { color: "#1e5086", weight: 1, fillColor: "#e5eef9", fillOpacity: 0.6 },
          interactive: false
        }).addTo(map).bringToBack();
      }).catch(function () {});
    }
    var bounds = [];
    points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: 7, color: "#13263e", weight: 2, fillColor: "#2362a2", fillOpacity: 1
      }).addTo(map);
      var label = document.createElement(p.url ? "a" : "span");
      label.textContent = p.label;
      if (p.url) { label.href = p.url; }
      marker.bindPopup(label);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 15); } else { map.fitBounds(bounds, { padding: [24, 24] }); }
  }
  window.addEventListener("load", function () {
    document.querySelectorAll(".map[data-points]").forEach(showMap);
  });

  var form = document.getElementById("search-form");
  if (form) {
    form.querySelectorAll(".filter-grid select, .filter-grid input[type=checkbox]").forEach(function (input) {
      input.addEventListener("change", function () { form.submit(); });
    });
    var locate = document.getElementById("use-location");
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          form.querySelector("[name=lat]").value = position.coords.latitude.toFixed(5);
          form.querySelector("[name=lon]").value = position.coords.longitude.toFixed(5);
          form.submit();
        });
      });
    } else if (locate) {
      locate.hidden = true;
    }
  }
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
