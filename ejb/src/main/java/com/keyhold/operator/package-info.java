/** The vendor's operators (SPEC O1), starting with the first operator created from configuration. */
package com.keyhold.operator;
