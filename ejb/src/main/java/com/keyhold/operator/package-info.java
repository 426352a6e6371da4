/** The vendor's operators (SPEC O1); the first one is created from configuration by the server module's OperatorBootstrap. */
package com.keyhold.operator;
