;(function () {
  var saved = null
  try {
    saved = localStorage.getItem('ferry.theme')
  } catch (e) {}
  var dark = saved === 'dark' || (saved !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
})()
