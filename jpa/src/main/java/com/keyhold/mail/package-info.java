/** The email outbox: messages written with the change that causes them and sent after it commits. */
package com.keyhold.mail;
