/** JSF backing beans of the pages, one per screen; thin: read the form, call one service, show the outcome. */
package com.keyhold.web.pages;
