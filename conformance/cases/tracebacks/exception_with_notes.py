# Notes added to an exception appear after the message in the traceback.
def validate(record):
    try:
        if record["age"] < 0:
            raise ValueError(f"negative age: {record['age']}")
    except ValueError as e:
        e.add_note(f"record id: {record['id']}")
        e.add_note("hint: ages must be >= 0")
        raise

validate({"id": 1, "age": 30})
print("first record ok")
validate({"id": 2, "age": -5})
