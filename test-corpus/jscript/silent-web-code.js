// Web code: no Windows Script Host object, skipped before parsing.
function isBuild(b) {
    return document.body.dataset.build == 6002;
}
if (window.navigator.userAgent.indexOf("6.0.6002") != -1) {
    console.log("not WSH");
}
