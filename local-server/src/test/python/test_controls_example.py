"""A boto3 test of a voicemail-callback program's rules, run against a local server started with
--test-controls. Run: CONNECT_TASKS_ENDPOINT=http://127.0.0.1:8080 python3 test_controls_example.py"""
import json
import os
import unittest
import urllib.error
import urllib.request

import boto3

ENDPOINT = os.environ.get("CONNECT_TASKS_ENDPOINT", "http://127.0.0.1:8080")
WEEK = 7 * 24 * 3600


def control(path, body=None):
    """GET (no body) or POST one of the server's test controls; answers the JSON it sends back."""
    request = urllib.request.Request(
        ENDPOINT + "/_connect-tasks/" + path,
        method="GET" if body is None else "POST",
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"{}")


class VoicemailCallbacks(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.connect = boto3.client("connect", endpoint_url=ENDPOINT, region_name="us-east-1",
                                   aws_access_key_id="local", aws_secret_access_key="local")
        cls.instance = cls.connect.create_instance(IdentityManagementType="CONNECT_MANAGED",
                                                   InboundCallsEnabled=True, OutboundCallsEnabled=True)["Id"]
        cls.flow = cls.connect.create_contact_flow(InstanceId=cls.instance, Name="Callbacks",
                                                   Type="CONTACT_FLOW", Content="{}")["ContactFlowId"]

    def setUp(self):
        # every test starts with no contacts; the instance and its flow stay
        control("reset", {"InstanceId": self.instance})

    def call_came_in(self, caller):
        return control("contacts", {"InstanceId": self.instance, "Channel": "VOICE",
                                    "Attributes": {"caller": caller}})["ContactId"]

    def callback_for(self, call):
        return self.connect.start_task_contact(InstanceId=self.instance, ContactFlowId=self.flow,
                                               Name="Call back", PreviousContactId=call)["ContactId"]

    def test_a_voicemail_becomes_a_callback_task_with_the_callers_number(self):
        task = self.callback_for(self.call_came_in("+441632960000"))
        attributes = self.connect.get_contact_attributes(InstanceId=self.instance, InitialContactId=task)["Attributes"]
        self.assertEqual(attributes["caller"], "+441632960000")

    def test_an_unanswered_callback_ends_a_week_after_it_starts(self):
        task = self.callback_for(self.call_came_in("+441632960001"))
        self.assertNotIn("DisconnectTimestamp", self.connect.describe_contact(InstanceId=self.instance, ContactId=task)["Contact"])
        control("clock", {"AdvanceSeconds": WEEK + 1})
        contact = self.connect.describe_contact(InstanceId=self.instance, ContactId=task)["Contact"]
        self.assertIn("DisconnectTimestamp", contact)

    def test_reset_removes_the_contacts_of_earlier_tests(self):
        call = self.call_came_in("+441632960002")
        control("reset", {"InstanceId": self.instance})
        with self.assertRaises(self.connect.exceptions.ResourceNotFoundException):
            self.connect.describe_contact(InstanceId=self.instance, ContactId=call)

    def test_the_clock_moves_forward_only(self):
        now = control("clock")["Now"]
        with self.assertRaises(urllib.error.HTTPError) as refused:
            control("clock", {"Now": now - 60})
        self.assertEqual(refused.exception.code, 400)
        self.assertIn("Now", json.loads(refused.exception.read())["Message"])
        self.assertGreaterEqual(control("clock", {"Now": now + 60})["Now"], now + 60)


if __name__ == "__main__":
    unittest.main(verbosity=2)
