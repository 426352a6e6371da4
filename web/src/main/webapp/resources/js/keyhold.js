/* Keyhold's few page scripts: what PrimeFaces does not do by itself. */
var Keyhold = Keyhold || {};

/**
 * Marks the chips of an address chips component (resources/kh/addressChips.xhtml) that the server found
 * invalid: its feedback panel carries them as data-invalid, [{"text","reason"}].
 */
Keyhold.markChips = function (componentId) {
  var feedback = document.getElementById(componentId + ':feedback');
  var chips = document.getElementById(componentId + ':chips');
  if (!feedback || !chips) {
    return;
  }
  var invalid = JSON.parse(feedback.getAttribute('data-invalid') || '[]');
  chips.querySelectorAll('li.ui-chips-token').forEach(function (token) {
    var text = token.querySelector('.ui-chips-token-label').textContent;
    var found = invalid.find(function (i) { return i.text === text; });
    token.classList.toggle('kh-chip-invalid', !!found);
    if (found) {
      token.setAttribute('title', found.reason);
    } else {
      token.removeAttribute('title');
    }
  });
};

/**
 * A file upload's onAdd: a file over the limit is refused here, before a byte is sent, with the page's
 * sentence (the text of the element messageId); the server refuses it too (UploadLimitFilter).
 */
Keyhold.checkUploadSize = function (upload, file, callback, maxBytes, messageId) {
  if (file.size > maxBytes) {
    upload.clearMessages();
    upload.showMessage({summary: document.getElementById(messageId).textContent, detail: ''});
    return;
  }
  callback.call(upload, file);
};

/**
 * A file upload's onerror: the server's plain-text refusal (413 from UploadLimitFilter, in the user's
 * language) where the upload shows its messages, else the page's general sentence (element messageId).
 */
Keyhold.uploadRefused = function (upload, xhr, messageId) {
  var type = xhr ? (xhr.getResponseHeader('Content-Type') || '') : '';
  var plain = type.indexOf('text/plain') === 0 ? xhr.responseText : '';
  upload.clear();
  upload.showMessage({summary: plain || document.getElementById(messageId).textContent, detail: ''});
};

/**
 * PrimeFaces gives each message's <li> role="alert", so its <ul> no longer holds list items (axe-core's
 * "list" rule, issue 12's accessibility pass). The messages container is already a live region
 * (aria-live), which announces them; the items become plain list items again, on load and after Ajax.
 */
Keyhold.listMessagesAsLists = function () {
  document.querySelectorAll('.ui-messages li[role="alert"]').forEach(function (item) {
    item.removeAttribute('role');
    item.removeAttribute('aria-atomic');
  });
};
document.addEventListener('DOMContentLoaded', function () {
  Keyhold.listMessagesAsLists();
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', Keyhold.listMessagesAsLists);
  }
});

/**
 * A plain upload form's onsubmit (ticket attachments, download files): a file over the form's
 * data-max-bytes is refused here, before a byte is sent, with the page's sentence shown in the form's
 * [role=alert] element; the servlet that takes the file refuses it too.
 */
Keyhold.uploadFits = function (form, sentence) {
  var input = form.querySelector('input[type=file]');
  var alert = form.querySelector('[role=alert]');
  var max = parseInt(form.getAttribute('data-max-bytes'), 10);
  var file = input && input.files && input.files[0];
  if (file && file.size > max) {
    if (alert) {
      alert.textContent = sentence;
    }
    return false;
  }
  return true;
};
